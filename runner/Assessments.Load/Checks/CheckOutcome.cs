namespace Assessments.Load.Checks;

public enum CheckOutcome
{
    Passed,
    UnexpectedStatus,
    Failed,
}
