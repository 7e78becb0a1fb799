using Assessments.Contract;
using Assessments.Insight;
using Assessments.Runner.Grading;
using Assessments.Runner.Operations;

namespace Assessments.Pipeline;

/// <summary>
/// What a grading checks, in order: the authored scenarios, the contract from openapi.yaml, the load
/// profile, then the operations checks (whose graceful shutdown runs after everything else); code
/// insight reads the source meanwhile (from intake on, while the image builds). The one place the
/// platform's pipelines are put together: the CLI, the runner workers and the tests use them, so a
/// submission gets the same checks whichever way it was graded.
/// </summary>
public static class GradingPipelines
{
    /// <summary>Every grading's: code insight beside the checks of the running service.</summary>
    public static GradingPipeline Full { get; } = ServiceChecksWith(new CodeInsightAnalyzer(InsightLimits.Grading));

    /// <summary>The same checks of the running service without code insight: the candidate kit's <c>assess check</c>.</summary>
    public static GradingPipeline ServiceChecksOnly { get; } = ServiceChecksWith(null);

    private static GradingPipeline ServiceChecksWith(ISubmissionAnalyzer? analyzer)
    {
        var operations = new OperationsStage();
        return new GradingPipeline(analyzer, [new ScenarioStage(), new ContractStage(), new LoadStage(), operations], [operations]);
    }
}
