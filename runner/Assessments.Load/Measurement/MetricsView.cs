using Assessments.Load.Thresholds;

namespace Assessments.Load.Measurement;

/// <summary>Builds the threshold view of the run or of one step from the live recorders.</summary>
public static class MetricsView
{
    public static ThresholdMetrics? For(IReadOnlyList<StepRecorder> steps, string? stepName, TimeSpan measured)
    {
        var selected = stepName is null ? steps : steps.Where(s => s.Step == stepName).ToList();
        if (selected.Count == 0)
        {
            return null;
        }

        var response = Histograms.Create();
        var service = Histograms.Create();
        var statusClasses = new Dictionary<string, long>(StringComparer.Ordinal);
        long requests = 0, failed = 0, passed = 0, checkFailed = 0;
        foreach (var step in selected)
        {
            response.Add(step.ResponseTime);
            service.Add(step.ServiceTime);
            requests += step.Requests;
            failed += step.Failed;
            var checks = step.Checks;
            passed += checks.Passed;
            checkFailed += checks.Failed;
            foreach (var (name, count) in step.StatusClassCounts())
            {
                statusClasses[name] = statusClasses.GetValueOrDefault(name) + count;
            }
        }

        return new ThresholdMetrics(response, service, requests, failed, measured, passed, checkFailed, statusClasses);
    }
}
