using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assessments.Domain.Scenarios;
using Assessments.Runner.Docker;
using Assessments.Runner.Operations;
using Assessments.Submissions.Sandbox;

namespace Assessments.Runner.Dependencies;

/// <summary>
/// The runner's client for the stub's control plane (reset, faults, data, stats). The token is the
/// grading's secret: the candidate's service never sees it. A failing control call is a platform fault.
/// </summary>
public sealed class UpstreamControl(HttpClient http, Uri controlAddress, string token) : IUpstreamStats
{
    public const string TokenHeader = "X-Control-Token";

    /// <summary>Where the candidate's service reaches the stub's data plane.</summary>
    public const string ServiceUrl = ServiceEnvironment.UpstreamAddress;

    public Uri Address => controlAddress;

    public Task ResetAsync(CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, "/control/reset", null, cancellationToken);

    public Task<JsonNode?> SetFaultsAsync(UpstreamFaultChange change, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        Put(body, "latencyMs", change.LatencyMs);
        Put(body, "jitterMs", change.JitterMs);
        Put(body, "outage", change.Outage);
        Put(body, "failFirst", change.FailFirst);
        if (change.FailKeys is { } keys)
        {
            body["failKeys"] = new JsonArray([.. keys.Select(k => (JsonNode)k)]);
        }

        return SendAsync(HttpMethod.Put, "/control/faults", body, cancellationToken);
    }

    public Task<JsonNode?> SetResourceAsync(string key, string dataJson, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"/control/resources/{Uri.EscapeDataString(key)}", JsonNode.Parse(dataJson), cancellationToken);

    public async Task<JsonObject> StatsAsync(CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Get, "/control/stats", null, cancellationToken) as JsonObject
        ?? throw new InfrastructureException("the upstream stub's stats were not a JSON object");

    /// <summary>The counters the operations and load checks read, typed.</summary>
    public async Task<UpstreamStats> ReadAsync(CancellationToken cancellationToken) =>
        UpstreamStats.Parse((await StatsAsync(cancellationToken)).ToJsonString());

    /// <summary>Whether the control plane answers with this token (used while the stub starts).</summary>
    public async Task<bool> IsUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = Request(HttpMethod.Get, "/control/health", null);
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // A stub still starting on a busy machine may take longer than the client's timeout to answer:
            // not up yet, rather than the grading's own deadline (which the outer token says).
            return false;
        }
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        try
        {
            using var request = Request(method, path, body);
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InfrastructureException($"the upstream stub answered {(int)response.StatusCode} to {method} {path}: {text}");
            }

            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new InfrastructureException($"the upstream stub's control plane failed on {method} {path}: {e.Message}", e);
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path, JsonNode? body)
    {
        var request = new HttpRequestMessage(method, new Uri(controlAddress, path));
        request.Headers.Add(TokenHeader, token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    private static void Put<T>(JsonObject body, string name, T? value)
        where T : struct
    {
        if (value is { } v)
        {
            body[name] = JsonValue.Create(v);
        }
    }
}
