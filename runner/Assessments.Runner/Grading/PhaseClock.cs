using System.Diagnostics;

namespace Assessments.Runner.Grading;

/// <summary>Times each grading phase for the report's <c>timings</c>.</summary>
internal sealed class PhaseClock
{
    private readonly Dictionary<string, double> _phases = new(StringComparer.Ordinal);
    private readonly Stopwatch _total = Stopwatch.StartNew();

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public IReadOnlyDictionary<string, double> Phases => _phases;

    public double TotalMs => _total.Elapsed.TotalMilliseconds;

    public async Task<T> TimeAsync<T>(string phase, Func<Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return await work();
        }
        finally
        {
            _phases[phase] = Math.Round(clock.Elapsed.TotalMilliseconds, 1);
        }
    }
}
