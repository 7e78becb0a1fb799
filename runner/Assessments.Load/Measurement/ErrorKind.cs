namespace Assessments.Load.Measurement;

/// <summary>Why a request failed. Serialised in snake_case (e.g. <c>body_too_large</c>).</summary>
public enum ErrorKind
{
    /// <summary>No response within the request timeout.</summary>
    Timeout,

    /// <summary>The connection was refused: nothing listening.</summary>
    Refused,

    /// <summary>The connection was reset or closed before a whole response arrived.</summary>
    Reset,

    /// <summary>The body was longer than the plan allows.</summary>
    BodyTooLarge,

    /// <summary>The status was not one the step's check accepts.</summary>
    UnexpectedStatus,

    /// <summary>The status was accepted but the content type or body was not.</summary>
    CheckFailed,

    /// <summary>No connection became free before the request's deadline, so it was never sent.</summary>
    NotSent,

    /// <summary>Anything else the transport reported.</summary>
    Other,
}
