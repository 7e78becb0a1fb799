using Assessments.Load.Measurement;
using Assessments.Load.Model;
using Assessments.Load.SelfCheck;
using Assessments.Load.Statistics;
using Assessments.Load.Thresholds;

namespace Assessments.Load.Output;

/// <summary>Assembles the result from the recorders once the run has stopped.</summary>
public static class LoadResultBuilder
{
    public static LoadResult Build(
        LoadPlan plan,
        string model,
        DateTimeOffset startedAt,
        RunRecorder recorder,
        IReadOnlyList<StepRecorder> steps,
        IReadOnlyList<TimelinePoint> timeline,
        GeneratorCounts generator,
        string? abortReason,
        IReadOnlyList<string>? abortingThresholds)
    {
        var measured = Clock.Elapsed(recorder.MeasuredFromTimestamp, recorder.MeasuredToTimestamp);
        if (measured < TimeSpan.Zero)
        {
            measured = TimeSpan.Zero;
        }

        var stepStatistics = steps.Select(s => s.Summarise(measured)).ToList();
        var whole = MetricsView.For(steps, null, measured)!;
        var generatorReport = Generator(plan, model, recorder, measured, generator);
        var problems = GeneratorHealth.Problems(generatorReport, plan.SelfCheck);
        var thresholds = plan.Thresholds
            .Select(spec => ThresholdEvaluator.Evaluate(
                spec,
                step => MetricsView.For(steps, step, measured),
                abortingThresholds?.Contains(spec.Expression) == true))
            .ToList();

        return new LoadResult
        {
            Valid = problems.Count == 0,
            InvalidReason = problems.Count == 0 ? null : string.Join("; ", problems),
            InvalidReasons = problems,
            Model = model,
            Target = plan.Scenarios[0].Steps[0].Request.Uri.ToString(),
            StartedAt = startedAt,
            DurationSeconds = Math.Round(measured.TotalSeconds, 3),
            WarmupSeconds = plan.Warmup.TotalSeconds,
            Requests = whole.Requests,
            Rps = measured > TimeSpan.Zero ? Math.Round(whole.Requests / measured.TotalSeconds, 2) : 0,
            Errors = whole.Failed,
            ErrorKinds = Sum(stepStatistics.Select(s => s.Errors)),
            StatusCodes = Sum(stepStatistics.Select(s => s.StatusCodes)),
            Latency = LatencySummary.From(whole.ResponseTime),
            ServiceTime = LatencySummary.From(whole.ServiceTime),
            Checks = new CheckStatistics(whole.ChecksPassed, whole.ChecksFailed),
            ThresholdsPassed = thresholds.All(t => t.Passed),
            Aborted = abortReason is not null,
            AbortReason = abortReason,
            Generator = generatorReport,
            Steps = stepStatistics,
            Thresholds = thresholds,
            Timeline = timeline,
        };
    }

    private static GeneratorReport Generator(LoadPlan plan, string model, RunRecorder recorder, TimeSpan measured, GeneratorCounts counts)
    {
        var scheduled = recorder.ScheduledInWindow;
        var started = recorder.StartedInWindow;
        double? target = scheduled > 0 && measured > TimeSpan.Zero ? Math.Round(scheduled / measured.TotalSeconds, 2) : null;
        double? achieved = scheduled > 0 && measured > TimeSpan.Zero ? Math.Round(started / measured.TotalSeconds, 2) : null;
        double? error = scheduled > 0 ? Math.Round((double)(started - scheduled) / scheduled, 6) : null;
        return new GeneratorReport(
            model,
            target,
            achieved,
            error,
            scheduled,
            started,
            LatencySummary.From(recorder.DispatchLag),
            plan.SelfCheck.MaxDispatchLagP99.TotalMilliseconds,
            LatencySummary.From(recorder.PoolDelay),
            plan.SelfCheck.MaxPoolDelayP99.TotalMilliseconds,
            Math.Round(counts.CpuUtilisation, 3),
            counts.Connections,
            counts.ConnectionsOpened);
    }

    private static SortedDictionary<string, long> Sum(IEnumerable<IReadOnlyDictionary<string, long>> parts)
    {
        var total = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var (key, count) in part)
            {
                total[key] = total.GetValueOrDefault(key) + count;
            }
        }

        return total;
    }
}

public sealed record GeneratorCounts(int Connections, long ConnectionsOpened, double CpuUtilisation);
