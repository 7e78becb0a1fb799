using Assessments.Load.Thresholds;

namespace Assessments.Domain.Challenges.Loading;

internal static class LoadProfileMapper
{
    private const string File = ChallengeFiles.Manifest;

    public static LoadProfile? Map(LoadDocument doc, ProblemList problems)
    {
        var method = (doc.Request?.Method ?? "GET").ToUpperInvariant();
        var path = doc.Request?.Path;
        if (method is not ("GET" or "HEAD"))
        {
            problems.Add(File, "load.request.method", "the load stage sends GET or HEAD requests only (writes under load would pile up state)");
        }

        if (!problems.Require(path, File, "load.request.path", "the request path under load") || !path!.StartsWith('/'))
        {
            problems.Add(File, "load.request.path", "must be a path starting with '/'");
        }

        var rate = doc.Rate ?? 0;
        if (rate is < 1 or > 5_000)
        {
            problems.Add(File, "load.rate", "requests per second must be between 1 and 5000");
        }

        var duration = doc.DurationSeconds ?? 10;
        var warmup = doc.WarmupSeconds ?? 2;
        if (duration is < 1 or > 300 || warmup is < 0 or > 60)
        {
            problems.Add(File, "load", "durationSeconds must be 1–300 and warmupSeconds 0–60");
        }

        var thresholds = doc.Thresholds ?? [];
        if (thresholds.Count == 0)
        {
            problems.Add(File, "load.thresholds", "at least one threshold is required: a load stage must judge something");
        }

        for (var i = 0; i < thresholds.Count; i++)
        {
            try
            {
                _ = ThresholdSpec.Parse(thresholds[i]);
            }
            catch (FormatException e)
            {
                problems.Add(File, $"load.thresholds[{i}]", e.Message);
            }
        }

        return new LoadProfile(method, path ?? "/", rate, TimeSpan.FromSeconds(duration), TimeSpan.FromSeconds(warmup), doc.Connections ?? 32, thresholds);
    }
}
