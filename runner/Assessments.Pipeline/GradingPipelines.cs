using Assessments.Contract;
using Assessments.Insight;
using Assessments.Runner.Grading;
using Assessments.Runner.Operations;

namespace Assessments.Pipeline;

/// <summary>
/// What a grading checks, in order: the authored scenarios, the contract from openapi.yaml, the load
/// profile, then the operations checks (whose graceful shutdown runs after everything else); code
/// insight reads the source meanwhile (from intake on, while the image builds). The one place the
/// whole pipeline is put together: the CLI, the runner workers and the tests use it, so a
/// submission gets the same checks whichever way it was graded.
/// </summary>
public static class GradingPipeline
{
    public static IReadOnlyList<IGradingStage> Stages { get; } = [new CodeInsightStage(InsightLimits.Grading), new ScenarioStage(), new ContractStage(), new LoadStage(), new OperationsStage()];
}
