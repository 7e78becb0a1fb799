using Assessments.Contract.Spec;
using Assessments.Domain.Scenarios;
using Assessments.Runner.Checks;

namespace Assessments.Contract.Validation;

/// <summary>
/// Judges one response against what its operation documents: no 5xx, a documented status, a
/// documented content type, a body valid against its schema, the required headers. Pure.
/// </summary>
public static class ResponseConformance
{
    /// <summary>One verdict per conformance check: null when the exchange passes it.</summary>
    public static IReadOnlyList<(string CheckId, string? Problem)> Judge(ContractOperation operation, RecordedExchange exchange)
    {
        if (exchange.Evidence.Response is not { } response)
        {
            return [(ContractChecks.NoServerError, exchange.Evidence.Error ?? "no response")];
        }

        var verdicts = new List<(string, string?)>
        {
            (ContractChecks.NoServerError, response.Status >= 500 ? $"answered {response.Status}" : null),
        };

        var documented = operation.ResponseFor(response.Status);
        if (documented is null)
        {
            verdicts.Add((ContractChecks.StatusDocumented, $"status {response.Status} is not documented for {operation.Name} (documented: {string.Join(", ", operation.DocumentedStatuses)})"));
            return verdicts;
        }

        verdicts.Add((ContractChecks.StatusDocumented, null));
        var headers = exchange.Headers ?? new Dictionary<string, string>();
        var missing = (documented.Headers ?? new Dictionary<string, Microsoft.OpenApi.IOpenApiHeader>())
            .Where(h => h.Value.Required && !headers.ContainsKey(h.Key))
            .Select(h => h.Key)
            .ToList();
        verdicts.Add((ContractChecks.HeadersDocumented, missing.Count > 0 ? $"{response.Status} response lacks the required header {string.Join(", ", missing)}" : null));

        // Only a response that documents its content is held to it (a bare "200: OK" says nothing about the body).
        if (documented.Content is not { Count: > 0 } content)
        {
            return verdicts;
        }

        var actual = MediaTypes.Bare(headers.TryGetValue("Content-Type", out var ct) ? ct : null);
        var media = actual is null ? null : content.Where(c => MediaTypes.Covers(c.Key, actual)).Select(c => c.Value).FirstOrDefault();
        if (actual is null || media is null)
        {
            verdicts.Add((ContractChecks.ContentTypeDocumented, $"{response.Status} response has content type {actual ?? "(none)"}, documented: {string.Join(", ", content.Keys)}"));
            return verdicts;
        }

        verdicts.Add((ContractChecks.ContentTypeDocumented, null));
        if (media.Schema is { } schema && MediaTypes.IsJson(actual))
        {
            verdicts.Add((ContractChecks.ResponseSchema, SchemaProblem(exchange, schema, response.Status)));
        }

        return verdicts;
    }

    private static string? SchemaProblem(RecordedExchange exchange, Microsoft.OpenApi.IOpenApiSchema schema, int status)
    {
        if (exchange.BodyCutOff)
        {
            return $"{status} response body is larger than {ExchangeRecorder.MaxBodyBytes} bytes";
        }

        var json = ScenarioRunner.TryParse(exchange.Body);
        if (json is null && exchange.Body?.Trim() != "null")
        {
            return $"{status} response body is not JSON";
        }

        var problems = SchemaValidator.Validate(json, schema);
        return problems.Count == 0 ? null : $"{status} response body: {string.Join("; ", problems)}";
    }
}
