namespace PriceLookup.Upstream;

/// <summary>The upstream could not give an answer we can use: down, failing, or too slow.</summary>
public sealed class UpstreamUnavailableException : Exception
{
    public UpstreamUnavailableException(string message, bool timedOut, Exception? inner = null)
        : base(message, inner) => TimedOut = timedOut;

    public UpstreamUnavailableException()
    {
    }

    public UpstreamUnavailableException(string message)
        : base(message)
    {
    }

    public UpstreamUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public bool TimedOut { get; }
}
