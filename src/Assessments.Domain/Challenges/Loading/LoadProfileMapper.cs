using Assessments.Domain.Performance;
using Assessments.Domain.Scoring;
using Assessments.Domain.Thresholds;
using Comparison = Assessments.Domain.Scenarios.Comparison;

namespace Assessments.Domain.Challenges.Loading;

internal static class LoadProfileMapper
{
    private const string File = ChallengeFiles.Manifest;

    public static LoadProfile? Map(LoadDocument doc, IReadOnlyList<ReferenceSolution> references, ProblemList problems)
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
        else if (PathRotation.Problem(path) is { } rotation)
        {
            problems.Add(File, "load.request.path", rotation);
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

        var baseline = doc.Baseline is null ? null : Baseline(doc.Baseline, references, problems);
        for (var i = 0; i < thresholds.Count; i++)
        {
            CheckThreshold(thresholds[i], $"load.thresholds[{i}]", baseline is not null || doc.Baseline is not null, problems);
        }

        Comparison? upstream = null;
        if (doc.UpstreamCallsPerRequest is { } limit)
        {
            if (Comparison.TryParse(limit, out var comparison))
            {
                upstream = comparison;
            }
            else
            {
                problems.Add(File, "load.upstreamCallsPerRequest", $"'{limit}' must be a comparison such as <=0.2, <1 or ==0");
            }
        }

        return new LoadProfile(method, path ?? "/", rate, TimeSpan.FromSeconds(duration), TimeSpan.FromSeconds(warmup), doc.Connections ?? 32, thresholds)
        {
            Baseline = baseline,
            UpstreamCallsPerRequest = upstream,
        };
    }

    private static void CheckThreshold(string threshold, string where, bool hasBaseline, ProblemList problems)
    {
        try
        {
            if (!RelativeThreshold.IsRelative(threshold))
            {
                _ = ThresholdSpec.Parse(threshold);
                return;
            }

            _ = RelativeThreshold.Parse(threshold);
            if (!hasBaseline)
            {
                problems.Add(File, where, "a threshold relative to the baseline needs load.baseline (which reference to measure)");
            }
        }
        catch (FormatException e)
        {
            problems.Add(File, where, e.Message);
        }
    }

    private static BaselineSpec? Baseline(BaselineDocument doc, IReadOnlyList<ReferenceSolution> references, ProblemList problems)
    {
        var hours = doc.MaxAgeHours ?? 24;
        if (hours is < 1 or > 24 * 30)
        {
            problems.Add(File, "load.baseline.maxAgeHours", "must be between 1 and 720 hours");
        }

        if (!problems.Require(doc.Reference, File, "load.baseline.reference", "the reference level to measure"))
        {
            return null;
        }

        if (!LevelNames.TryParse(doc.Reference, out var level))
        {
            problems.Add(File, "load.baseline.reference", $"'{doc.Reference}' is not a level (not-yet, junior, engineer-ii, senior)");
            return null;
        }

        // Only a primary reference (under references:) is measured; one under moreReferences: never is.
        if (!references.Any(r => r.IsPrimary && r.ExpectedLevel == level))
        {
            problems.Add(File, "load.baseline.reference", $"the challenge lists no '{doc.Reference}' reference under references");
        }

        return new BaselineSpec(level, TimeSpan.FromHours(hours));
    }
}
