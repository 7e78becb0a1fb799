using Assessments.Contract.Spec;
using Assessments.Domain.Reports;
using Assessments.Runner.Checks;

namespace Assessments.Contract.Tests.Support;

/// <summary>Contracts and exchanges built by hand for the pure tests.</summary>
internal static class Contracts
{
    public static ContractDocument Catalog { get; } = ContractDocument.Load(Path.Combine(RepositoryPaths.Challenge("api-design"), "openapi.yaml"));

    public static ContractOperation Operation(string method, string template) =>
        Catalog.Operations.Single(o => o.Method == method && o.PathTemplate == template);

    public static RecordedExchange Exchange(string method, string url, int status, string? body = null, params (string Name, string Value)[] headers)
    {
        var all = headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
        var request = new HttpRequestRecord(method, url, new Dictionary<string, string>(), null);
        var response = new HttpResponseRecord(status, all, body, BodyTruncated: false);
        return new RecordedExchange(new HttpExchange(request, response, 3, null, $"curl -i 'http://localhost:8080{url}'"), body, all);
    }
}
