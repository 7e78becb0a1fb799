namespace Assessments.Load.Dispatch.Wire;

/// <summary>
/// A kept-alive connection the server had already closed: nothing of the response arrived, so the
/// request is sent once more on a fresh connection, as HttpClient does, rather than counted as a reset.
/// </summary>
internal sealed class StaleConnectionException(Exception cause)
    : IOException("The server closed the idle connection before answering.", cause);
