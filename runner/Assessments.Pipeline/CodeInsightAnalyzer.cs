using Assessments.Domain.Challenges;
using Assessments.Domain.Reports;
using Assessments.Insight;
using Assessments.Runner.Grading;

namespace Assessments.Pipeline;

/// <summary>
/// Code insight, the grading pipeline's analyzer: Roslyn reads the staged submission's text while its image
/// builds. Whatever goes wrong here is reported in the section, never turned into a failed grading.
/// </summary>
public sealed class CodeInsightAnalyzer(InsightLimits? limits = null) : ISubmissionAnalyzer
{
    public Task<SubmissionInsight> AnalyzeAsync(Challenge challenge, string submissionRoot, CancellationToken cancellationToken)
    {
        try
        {
            var result = SubmissionAnalysis.Analyze(submissionRoot, limits ?? InsightLimits.Default, cancellationToken);
            return Task.FromResult(new SubmissionInsight(result.Insight, result.Outcomes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException or InvalidOperationException)
        {
            var insight = new CodeInsight("csharp", false, $"the source could not be read ({e.GetType().Name})", "none", [], null, [], 0, FindingsRan: false);
            return Task.FromResult(new SubmissionInsight(insight, InsightChecks.From(insight)));
        }
    }
}
