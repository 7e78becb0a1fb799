using Assessments.Load.Dispatch.Wire;

namespace Assessments.Load.Tests.Wire;

/// <summary>A test of the wire client, skipped (and so reported) where the platform has none.</summary>
public sealed class WireFactAttribute : FactAttribute
{
    public WireFactAttribute()
    {
        if (!WireTransport.IsSupported)
        {
            Skip = "the wire client runs on Linux x86-64 only; elsewhere HttpClient serves every target";
        }
    }
}
