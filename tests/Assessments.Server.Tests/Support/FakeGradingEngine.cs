using System.Collections.Concurrent;
using Assessments.Domain.Challenges;
using Assessments.Domain.Reports;
using Assessments.Platform.Workers;

namespace Assessments.Server.Tests.Support;

/// <summary>
/// A grading engine for queue tests only: answers in milliseconds with what <see cref="Outcome"/>
/// says, and records every grading and clean-up it was asked for.
/// </summary>
public sealed class FakeGradingEngine(string name, Func<string, int, GradingReport>? outcome = null, TimeSpan? duration = null) : IGradingEngine
{
    public static readonly ConcurrentBag<(string Engine, string GradingId, DateTimeOffset At, long ArchiveBytes)> Gradings = [];

    public static readonly ConcurrentBag<string> Cleanups = [];

    /// <summary>From the grading id and the call's ordinal (1-based), the report (or an exception) to answer with.</summary>
    public Func<string, int, GradingReport> Outcome { get; } = outcome ?? ((_, _) => FakeReports.With(ReportStatus.Graded, Domain.Scoring.Level.Junior, 50));

    private int _calls;

    public async Task<GradingReport> GradeAsync(Challenge challenge, string submissionPath, string gradingId, int seed, CancellationToken cancellationToken)
    {
        Gradings.Add((name, gradingId, DateTimeOffset.UtcNow, new FileInfo(submissionPath).Length));
        await Task.Delay(duration ?? TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25)), cancellationToken);
        return Outcome(gradingId, Interlocked.Increment(ref _calls));
    }

    public Task RemoveLeftoversAsync(string gradingId, CancellationToken cancellationToken)
    {
        Cleanups.Add(gradingId);
        return Task.CompletedTask;
    }
}
