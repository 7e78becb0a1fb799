namespace Assessments.Runner.Grading;

/// <summary>
/// A grading's turns at its slot's gate, as a stage sees them: a long stage that measures nothing
/// gives way between its steps, so that a neighbour's measurement waits for one step, not the stage;
/// a step of it that measures (a scenario that judges time) takes its turn alone.
/// </summary>
public interface ISlotTurns
{
    /// <summary>Ends the current turn and waits for the next, alone for a step that measures; nothing when the grading shares no slot.</summary>
    Task GiveWayAsync(bool alone, CancellationToken cancellationToken);
}
