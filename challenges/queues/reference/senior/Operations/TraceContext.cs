using System.Diagnostics;

namespace PaymentJobs.Operations;

/// <summary>Reads the trace id out of a W3C traceparent header (version 00).</summary>
public static class TraceContext
{
    public static bool TryParse(string traceparent, out ActivityTraceId traceId)
    {
        traceId = default;
        var parts = traceparent.Split('-');
        if (parts is not [{ Length: 2 }, { Length: 32 } id, { Length: 16 }, { Length: 2 }] || !id.All(char.IsAsciiHexDigitLower) || id.All(c => c == '0'))
        {
            return false;
        }

        traceId = ActivityTraceId.CreateFromString(id);
        return true;
    }
}
