using Assessments.Domain.Scoring;

namespace Assessments.Runner.Grading;

/// <summary>
/// A stage whose check ends the service (it sends SIGTERM), so the grader runs it, as one of the
/// <see cref="GradingPipeline.FinalStages"/>, after every other stage and after <c>service.survived</c> was decided.
/// </summary>
public interface IFinalStage
{
    Task<IReadOnlyList<CheckOutcome>> RunLastAsync(ServiceUnderTest service, CancellationToken cancellationToken);
}
