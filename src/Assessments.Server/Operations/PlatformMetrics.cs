using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Assessments.Client;

namespace Assessments.Server.Operations;

/// <summary>Counters the server keeps itself, written in the Prometheus text format beside gauges read from the queue.</summary>
public sealed class PlatformMetrics
{
    private readonly ConcurrentDictionary<string, long> _refused = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> _responses = new();
    private long _accepted;

    public void UploadAccepted() => Interlocked.Increment(ref _accepted);

    public void UploadRefused(string reason) => _refused.AddOrUpdate(reason, 1, (_, n) => n + 1);

    public void Responded(int status) => _responses.AddOrUpdate(status, 1, (_, n) => n + 1);

    public string Render(IReadOnlyDictionary<string, long> jobsByState, IReadOnlyList<RunnerWorker> workers)
    {
        var text = new StringBuilder();
        text.Append("# HELP assessments_uploads_accepted_total Uploads stored and queued for grading.\n# TYPE assessments_uploads_accepted_total counter\n");
        text.Append(CultureInfo.InvariantCulture, $"assessments_uploads_accepted_total {Interlocked.Read(ref _accepted)}\n");
        text.Append("# HELP assessments_uploads_refused_total Uploads refused, by reason.\n# TYPE assessments_uploads_refused_total counter\n");
        foreach (var (reason, count) in _refused.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"assessments_uploads_refused_total{{reason=\"{reason}\"}} {count}\n");
        }

        text.Append("# HELP assessments_http_responses_total HTTP responses, by status code.\n# TYPE assessments_http_responses_total counter\n");
        foreach (var (status, count) in _responses.OrderBy(p => p.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"assessments_http_responses_total{{code=\"{status}\"}} {count}\n");
        }

        text.Append("# HELP assessments_grading_jobs Grading jobs, by state.\n# TYPE assessments_grading_jobs gauge\n");
        foreach (var (state, count) in jobsByState.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"assessments_grading_jobs{{state=\"{state}\"}} {count}\n");
        }

        // Slots of stale workers (killed without stopping) are counted nowhere: nothing grades in them.
        var live = workers.Where(w => !w.Stale).ToList();
        text.Append("# HELP assessments_runner_workers Runner workers on record: live, or stale (not seen for three heartbeats).\n# TYPE assessments_runner_workers gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"assessments_runner_workers{{state=\"live\"}} {live.Count}\n");
        text.Append(CultureInfo.InvariantCulture, $"assessments_runner_workers{{state=\"stale\"}} {workers.Count - live.Count}\n");
        text.Append("# HELP assessments_runner_slots Grading slots of the live runner workers, busy or free.\n# TYPE assessments_runner_slots gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"assessments_runner_slots{{state=\"busy\"}} {live.Sum(w => w.Busy)}\n");
        text.Append(CultureInfo.InvariantCulture, $"assessments_runner_slots{{state=\"free\"}} {live.Sum(w => Math.Max(0, w.Slots - w.Busy))}\n");
        return text.ToString();
    }
}
