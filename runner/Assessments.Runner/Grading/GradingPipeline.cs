namespace Assessments.Runner.Grading;

/// <summary>
/// Everything a grading checks, as one value the <see cref="Grader"/> runs as given: the analyzer that
/// reads the source from intake on (while the image builds), the stages run in order against the ready
/// service, then the final stages, after <c>service.survived</c> was decided, since they end the service.
/// A stage that is also final (operations: its checks, then graceful shutdown) is listed in both.
/// The platform's own pipelines are put together in Assessments.Pipeline's <c>GradingPipelines</c>.
/// </summary>
/// <param name="Analyzer">Reads the submission's files, never runs them; null for no code analysis.</param>
public sealed record GradingPipeline(ISubmissionAnalyzer? Analyzer, IReadOnlyList<IGradingStage> Stages, IReadOnlyList<IFinalStage> FinalStages)
{
    /// <summary>Stages only: no code analysis, no final stage.</summary>
    public static GradingPipeline Of(params IReadOnlyList<IGradingStage> stages) => new(null, stages, []);
}
