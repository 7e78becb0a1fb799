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

    /// <summary>
    /// The phase under way, or the one a failure left: a phase that throws stays here, so a platform
    /// fault's message says where it struck (the engine's own messages rarely name the call).
    /// </summary>
    public string? Current { get; private set; }

    public async Task<T> TimeAsync<T>(string phase, Func<Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        Current = phase;
        try
        {
            var result = await work();
            Current = null;
            return result;
        }
        finally
        {
            _phases[phase] = Math.Round(clock.Elapsed.TotalMilliseconds, 1);
        }
    }
}
