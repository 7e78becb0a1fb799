using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;

namespace Assessments.Insight;

/// <summary>The check outcomes code insight gives the rubric, each with the findings or numbers behind it.</summary>
public static class InsightChecks
{
    public static IReadOnlyList<CheckOutcome> From(CodeInsight insight)
    {
        if (!insight.Analyzed)
        {
            var reason = $"not applicable: {insight.Reason}";
            return
            [
                new(BuiltInChecks.CodeNoHighSeverityFindings, true, reason, [Evidence.Note(reason)], NoHighTitle),
                new(BuiltInChecks.CodeHasTests, false, reason, [Evidence.Note(reason)], HasTestsTitle),
            ];
        }

        var high = insight.Findings.Where(f => f.Severity == FindingSeverity.High).ToList();
        var notChecked = $"not applicable: {FindingsNote.ForLanguages(insight)}";
        var noHigh = !insight.FindingsRan
            ? new CheckOutcome(BuiltInChecks.CodeNoHighSeverityFindings, true, notChecked, [Evidence.Note(notChecked)], NoHighTitle)
            : high.Count == 0
            ? new CheckOutcome(BuiltInChecks.CodeNoHighSeverityFindings, true, $"no high-severity finding ({insight.Findings.Count} lower)", [Evidence.Note($"{insight.Findings.Count} medium or low findings, none high")], NoHighTitle)
            : new CheckOutcome(
                BuiltInChecks.CodeNoHighSeverityFindings,
                false,
                $"{high.Count} high-severity finding(s): {string.Join(", ", high.Select(f => f.Rule).Distinct())}",
                high.Take(10).Select(f => Evidence.Log($"{f.Title} at {f.File}:{f.Line}: {f.Why}", [f.Snippet])).ToList(),
                NoHighTitle);

        var tests = insight.Metrics?.Tests ?? new TestPresence(0, 0, 0);
        var summary = $"{tests.Methods} test method(s) in {tests.Files} file(s), {tests.Projects} test project(s)";
        var hasTests = new CheckOutcome(BuiltInChecks.CodeHasTests, tests.Methods > 0, summary, [Evidence.Measurement(summary, tests.Methods, "tests")], HasTestsTitle);
        return [noHigh, hasTests];
    }

    private const string NoHighTitle = "The source has no high-severity backend smell";
    private const string HasTestsTitle = "The submission carries its own tests";
}
