using Assessments.Domain.Reports;
using Assessments.Runner.Checks;

namespace Assessments.UnitTests.Support;

/// <summary>Recorded exchanges built by hand, shaped as <see cref="ExchangeRecorder"/> records them.</summary>
public static class Exchanges
{
    private const string Curl = "curl -i 'http://localhost:8080/products'";

    public static HttpRequestRecord Request { get; } =
        new("POST", "/products", new Dictionary<string, string> { ["Content-Type"] = "application/json" }, """{"name":"Lamp"}""");

    public static RecordedExchange Response(int status, string? body = null, params (string Name, string Value)[] headers)
    {
        var all = headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
        var response = new HttpResponseRecord(status, all, body, BodyTruncated: false);
        return new RecordedExchange(new HttpExchange(Request, response, 12.5, null, Curl), body, all);
    }

    public static RecordedExchange NoResponse(string error) =>
        new(new HttpExchange(Request, null, 5000, error, Curl), null, null);
}
