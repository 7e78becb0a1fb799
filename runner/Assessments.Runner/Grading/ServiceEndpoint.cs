namespace Assessments.Runner.Grading;

/// <summary>
/// Where the service answers now. A restarted container may come back at another address on the
/// grading network; stages and steps read this instead of keeping the first address.
/// </summary>
public sealed class ServiceEndpoint(Uri address)
{
    private volatile Uri _address = address;

    public Uri Address => _address;

    internal void MoveTo(Uri address) => _address = address;
}
