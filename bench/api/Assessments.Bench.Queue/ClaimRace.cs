using System.Diagnostics;
using Assessments.Platform.Queue;

namespace Assessments.Bench.Queue;

/// <summary>One claim as a worker saw it: the job, and when the claim statement was sent and answered (Stopwatch ticks).</summary>
internal readonly record struct Claim(Guid JobId, long SentAt, long AnsweredAt)
{
    public double Milliseconds => (AnsweredAt - SentAt) * 1000.0 / Stopwatch.Frequency;
}

/// <summary>
/// Workers that drain the queue through the real claim and finish calls, with a grader that answers at
/// once: what is measured is the queue, not grading. Each worker stops when a claim finds nothing.
/// </summary>
internal static class ClaimRace
{
    private static readonly FinishedGrading Instant = new("graded", "junior", 50, """{"bench":true}""", "<p>bench</p>");

    public static async Task<(IReadOnlyList<Claim> Claims, TimeSpan Elapsed)> RunAsync(GradingQueue queue, int workers, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var perWorker = await Task.WhenAll(Enumerable.Range(1, workers).Select(w => Task.Run(() => WorkAsync(queue, $"bench-worker-{w}", cancellationToken), cancellationToken)));
        return (perWorker.SelectMany(c => c).ToList(), started.Elapsed);
    }

    private static async Task<List<Claim>> WorkAsync(GradingQueue queue, string owner, CancellationToken cancellationToken)
    {
        var claims = new List<Claim>();
        while (true)
        {
            var sent = Stopwatch.GetTimestamp();
            var job = await queue.ClaimAsync(owner, TimeSpan.FromMinutes(5), cancellationToken);
            var answered = Stopwatch.GetTimestamp();
            if (job is null)
            {
                return claims;
            }

            claims.Add(new Claim(job.Id, sent, answered));
            if (!await queue.CompleteAsync(job, Instant, cancellationToken))
            {
                throw new InvalidOperationException($"job {job.Id} was fenced off although its lease of five minutes still held");
            }
        }
    }
}
