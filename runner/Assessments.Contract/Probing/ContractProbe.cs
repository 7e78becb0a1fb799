using System.Diagnostics;
using Assessments.Contract.Generation;
using Assessments.Contract.Spec;
using Assessments.Contract.Validation;
using Assessments.Domain.Scenarios;
using Assessments.Runner.Checks;

namespace Assessments.Contract.Probing;

/// <summary>
/// Sends the generated requests of a contract to the service, in a fixed order, and has every
/// response judged: conformance for all, plus the check that the request's purpose calls for.
/// All traffic goes through the <see cref="ExchangeRecorder"/>, which only ever talks to the service under test.
/// </summary>
public sealed class ContractProbe(ContractDocument contract, ExchangeRecorder recorder, CheckLedger ledger, int seed, TimeSpan budget)
{
    private static readonly string[] UnusualMethods = ["PUT", "PATCH", "DELETE", "POST", "GET"];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>False once the stage's time budget is spent: a slow service cannot hold the grading hostage.</summary>
    public bool WithinBudget => _clock.Elapsed < budget;

    public async Task RunAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var planner = new RequestPlanner(seed);
        var anyInvalid = false;
        foreach (var operation in contract.Operations)
        {
            progress?.Report(operation.Name);
            foreach (var request in planner.Plan(operation))
            {
                anyInvalid |= request.Purpose == ProbePurpose.Invalid;
                await SendAndJudgeAsync(request, cancellationToken);
            }
        }

        MarkNotApplicable(anyInvalid);

        progress?.Report("resources: create, read back, delete");
        await new ResourceLifecycle(contract, this, seed).RunAsync(cancellationToken);
        progress?.Report("methods, headers and security");
        await MethodsNotAllowedAsync(cancellationToken);
        await RequiredHeadersAsync(cancellationToken);
        await SecurityAsync(cancellationToken);
    }

    // Checks the contract gives nothing to hold the service to pass as "not applicable", with the reason.
    private void MarkNotApplicable(bool anyInvalid)
    {
        var responses = contract.Operations.SelectMany(o => o.Operation.Responses?.Values.AsEnumerable() ?? []).ToList();
        if (!responses.Any(r => r.Content is { Count: > 0 }))
        {
            ledger.NotApplicable(ContractChecks.ContentTypeDocumented, "no response documents its content");
            ledger.NotApplicable(ContractChecks.ResponseSchema, "no response documents its content");
        }

        if (!responses.Any(r => r.Headers?.Values.Any(h => h.Required) == true))
        {
            ledger.NotApplicable(ContractChecks.HeadersDocumented, "no response declares a required header");
        }

        if (!anyInvalid)
        {
            ledger.NotApplicable(ContractChecks.InvalidInputRejected, "no operation takes input the schema constrains");
        }

        if (!contract.Operations.Any(o => o.CreatesWithLocation && o.BodySchema is not null))
        {
            ledger.NotApplicable(ContractChecks.LocationReadable, "no operation creates a resource with a Location");
            ledger.NotApplicable(ContractChecks.DeletedIsGone, "no operation creates a resource with a Location");
        }
        else if (!contract.Operations.Any(o => o.Method == "DELETE"))
        {
            ledger.NotApplicable(ContractChecks.DeletedIsGone, "no operation deletes");
        }
    }

    /// <summary>Sends a planned request and judges it: the contract's conformance checks, then its purpose.</summary>
    public async Task<RecordedExchange?> SendAndJudgeAsync(PlannedRequest request, CancellationToken cancellationToken)
    {
        if (!WithinBudget)
        {
            return null;
        }

        var exchange = await SendAsync(request.Method, request.PathAndQuery, request.Headers, request.Body, cancellationToken);
        Conformance(request.Operation, exchange, request.Description);
        var status = exchange.Evidence.Response?.Status;
        switch (request.Purpose)
        {
            case ProbePurpose.Valid:
                ledger.Judge(ContractChecks.ValidInputAccepted, exchange, status is >= 200 and < 300 ? null : $"answered {Show(exchange)}, expected 2xx", request.Description);
                break;
            case ProbePurpose.Invalid:
                ledger.Judge(ContractChecks.InvalidInputRejected, exchange, Rejection(exchange), request.Description);
                break;
        }

        return exchange;
    }

    public void Conformance(ContractOperation operation, RecordedExchange exchange, string description)
    {
        foreach (var (checkId, problem) in ResponseConformance.Judge(operation, exchange))
        {
            ledger.Judge(checkId, exchange, problem, $"{description} ({exchange.Evidence.Request.Method} {exchange.Evidence.Request.Url})");
        }
    }

    public void Judge(string checkId, RecordedExchange exchange, string? problem, string description) =>
        ledger.Judge(checkId, exchange, problem, description);

    public Task<RecordedExchange> SendAsync(string method, string pathAndQuery, IReadOnlyDictionary<string, string> headers, string? body, CancellationToken cancellationToken) =>
        recorder.SendAsync(method, ScenarioRunner.PathOnly(pathAndQuery), headers, body, body is null ? null : MediaTypes.Json, cancellationToken);

    public static string Show(RecordedExchange exchange) =>
        exchange.Evidence.Response is { } r ? r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : exchange.Evidence.Error ?? "nothing";

    private static string? Rejection(RecordedExchange exchange)
    {
        var status = exchange.Evidence.Response?.Status;
        if (status is not (>= 400 and < 500))
        {
            return $"answered {Show(exchange)}, expected a 4xx rejection";
        }

        var type = MediaTypes.Bare(exchange.Headers?.GetValueOrDefault("Content-Type"));
        return type == MediaTypes.Problem ? null : $"rejected with {status} but content type {type ?? "(none)"}, expected {MediaTypes.Problem}";
    }

    private async Task MethodsNotAllowedAsync(CancellationToken cancellationToken)
    {
        foreach (var template in contract.Paths)
        {
            var documented = contract.MethodsOf(template);
            var sample = contract.Operations.First(o => o.PathTemplate == template);
            var path = RequestPlanner.Build(sample, new ValueGenerator(new Random(RequestPlanner.HashCode(seed, "405 " + template))), ValueFlavor.Random, ProbePurpose.Edge, "405", _ => false).PathAndQuery;
            foreach (var method in UnusualMethods.Where(m => !documented.Contains(m)).Take(2))
            {
                if (!WithinBudget)
                {
                    return;
                }

                var exchange = await SendAsync(method, path, new Dictionary<string, string>(), null, cancellationToken);
                ledger.Judge(ContractChecks.MethodNotAllowed, exchange, NotAllowedProblem(exchange, documented), $"{method} on {template} (documents {string.Join(", ", documented)})");
            }
        }
    }

    internal static string? NotAllowedProblem(RecordedExchange exchange, IReadOnlyList<string> documented)
    {
        if (exchange.Evidence.Response?.Status != 405)
        {
            return $"answered {Show(exchange)}, expected 405";
        }

        var allow = exchange.Headers?.GetValueOrDefault("Allow");
        if (string.IsNullOrWhiteSpace(allow))
        {
            return "answered 405 without an Allow header";
        }

        var listed = allow.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = documented.Where(m => !listed.Contains(m)).ToList();
        return missing.Count == 0 ? null : $"Allow '{allow}' does not list {string.Join(", ", missing)}";
    }

    private async Task RequiredHeadersAsync(CancellationToken cancellationToken)
    {
        var any = false;
        foreach (var operation in contract.Operations)
        {
            foreach (var header in operation.In(Microsoft.OpenApi.ParameterLocation.Header).Where(h => h.Required))
            {
                any = true;
                var values = new ValueGenerator(new Random(RequestPlanner.HashCode(seed, "header " + operation.Name + header.Name)));
                var request = RequestPlanner.Build(operation, values, ValueFlavor.Random, ProbePurpose.Edge, $"without the required header {header.Name}");
                var headers = request.Headers.Where(h => !string.Equals(h.Key, header.Name, StringComparison.OrdinalIgnoreCase)).ToDictionary();
                if (!WithinBudget)
                {
                    return;
                }

                var exchange = await SendAsync(request.Method, request.PathAndQuery, headers, request.Body, cancellationToken);
                var status = exchange.Evidence.Response?.Status;
                ledger.Judge(ContractChecks.RequiredHeaderRejected, exchange, status is >= 400 and < 500 ? null : $"answered {Show(exchange)}, expected 4xx", $"{operation.Name} {request.Description}");
            }
        }

        if (!any)
        {
            ledger.NotApplicable(ContractChecks.RequiredHeaderRejected, "no operation declares a required header");
        }
    }

    private async Task SecurityAsync(CancellationToken cancellationToken)
    {
        var secured = contract.Operations.Where(o => o.Secured).ToList();
        if (secured.Count == 0)
        {
            ledger.NotApplicable(ContractChecks.Security, "no operation declares security");
            return;
        }

        foreach (var operation in secured)
        {
            var values = new ValueGenerator(new Random(RequestPlanner.HashCode(seed, "security " + operation.Name)));
            var request = RequestPlanner.Build(operation, values, ValueFlavor.Random, ProbePurpose.Edge, "without credentials");
            if (!WithinBudget)
            {
                return;
            }

            // Sent bare: no Authorization, no cookie, no API key.
            var exchange = await SendAsync(request.Method, request.PathAndQuery, request.Headers, request.Body, cancellationToken);
            var status = exchange.Evidence.Response?.Status;
            ledger.Judge(ContractChecks.Security, exchange, status is 401 or 403 ? null : $"answered {Show(exchange)} without credentials, expected 401 or 403", $"{operation.Name} without credentials");
        }
    }
}
