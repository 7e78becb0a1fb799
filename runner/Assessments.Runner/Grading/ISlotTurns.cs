namespace Assessments.Runner.Grading;

/// <summary>
/// A grading's turns at its slot's gate, as a stage sees them: a long stage that measures nothing
/// gives way between its steps, so that a neighbour's measurement waits for one step, not the stage.
/// </summary>
public interface ISlotTurns
{
    /// <summary>Ends the current turn and waits for the next; nothing when the grading shares no slot or is measuring.</summary>
    Task GiveWayAsync(CancellationToken cancellationToken);
}
