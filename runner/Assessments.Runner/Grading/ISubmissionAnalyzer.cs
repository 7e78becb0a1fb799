using Assessments.Domain.Challenges;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;

namespace Assessments.Runner.Grading;

/// <summary>
/// Reads a submission's files after intake, before anything of it runs (code insight): its findings go
/// into the report and its check outcomes to the rubric. It is the <see cref="GradingPipeline.Analyzer"/>;
/// the grader starts it right after intake, so it works while the image builds, and waits for it
/// before the service starts. An analyzer must never run, load or build the submission, and never throw.
/// </summary>
public interface ISubmissionAnalyzer
{
    Task<SubmissionInsight> AnalyzeAsync(Challenge challenge, string submissionRoot, CancellationToken cancellationToken);
}

/// <summary>What an analyzer found: the report's section and the check outcomes rubrics may name.</summary>
public sealed record SubmissionInsight(CodeInsight Insight, IReadOnlyList<CheckOutcome> Outcomes);

public static class SubmissionAnalyzers
{
    public const string Phase = "insight";

    /// <summary>Starts the analyzer on the thread pool; a finished null when there is none.</summary>
    public static Task<SubmissionInsight?> Start(ISubmissionAnalyzer? analyzer, Challenge challenge, string submissionRoot, CancellationToken cancellationToken) =>
        analyzer is null
            ? Task.FromResult<SubmissionInsight?>(null)
            : Task.Run<SubmissionInsight?>(async () => await analyzer.AnalyzeAsync(challenge, submissionRoot, cancellationToken), cancellationToken);
}
