using Assessments.Domain.Challenges;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;

namespace Assessments.Runner.Grading;

/// <summary>
/// Reads a submission's files after intake, before anything of it runs (code insight): its findings go
/// into the report and its check outcomes to the rubric. It is given to the grader among its stages;
/// the grader starts it right after intake, so it works while the image builds, and waits for it
/// before scoring. An analyzer must never run, load or build the submission, and never throw.
/// </summary>
public interface ISubmissionAnalyzer : IGradingStage
{
    Task<SubmissionInsight> AnalyzeAsync(Challenge challenge, string submissionRoot, CancellationToken cancellationToken);

    string IGradingStage.Phase => SubmissionAnalyzers.Phase;

    /// <summary>Nothing to check against the running service: the work was done at intake.</summary>
    Task<IReadOnlyList<CheckOutcome>> IGradingStage.RunAsync(ServiceUnderTest service, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CheckOutcome>>([]);
}

/// <summary>What an analyzer found: the report's section and the check outcomes rubrics may name.</summary>
public sealed record SubmissionInsight(CodeInsight Insight, IReadOnlyList<CheckOutcome> Outcomes);

public static class SubmissionAnalyzers
{
    public const string Phase = "insight";

    /// <summary>Starts the first analyzer among the stages on the thread pool; null when there is none.</summary>
    public static Task<SubmissionInsight?> Start(IEnumerable<IGradingStage> stages, Challenge challenge, string submissionRoot, CancellationToken cancellationToken) =>
        stages.OfType<ISubmissionAnalyzer>().FirstOrDefault() is { } analyzer
            ? Task.Run<SubmissionInsight?>(async () => await analyzer.AnalyzeAsync(challenge, submissionRoot, cancellationToken), cancellationToken)
            : Task.FromResult<SubmissionInsight?>(null);

    public static bool IsAnalyzer(IGradingStage stage) => stage is ISubmissionAnalyzer;
}
