using Assessments.Domain.Challenges;
using Assessments.Domain.Scenarios;

namespace Assessments.Submissions.Kits;

/// <summary>What each of the runner's own checks (service, contract, load, operations) passes on, in a candidate's words.</summary>
internal static class RunnerCheckDescriptions
{
    public static string For(Challenge challenge, string checkId)
    {
        var ops = challenge.Operations;
        return checkId switch
        {
            BuiltInChecks.ServiceReady => $"the image builds from your Dockerfile, the container starts and `GET {challenge.Service.ReadinessPath}` answers 200 within {challenge.Service.ReadinessTimeout.TotalSeconds:0} s",
            BuiltInChecks.ServiceSurvived => "the service is still running after every other check (no crash, no kill at the memory limit)",
            BuiltInChecks.LoadThresholds => challenge.Load is { } load
                ? $"{load.Rate} requests per second of `{load.Method} {load.Path}` for {load.Duration.TotalSeconds:0} s (after {load.Warmup.TotalSeconds:0} s of warm-up) keep to: {string.Join("; ", load.Thresholds.Where(IsAbsolute))}; on the platform, latency is also held to a limit relative to a reference solution measured on the same machine"
                : "no load in this challenge",
            BuiltInChecks.LoadUpstreamEfficiency => challenge.Load?.UpstreamCallsPerRequest is { } limit
                ? $"during that load, upstream calls per request stay {limit}"
                : "no upstream meter in this challenge",
            ContractChecks.NoServerError => "no request generated from openapi.yaml answers 5xx (or nothing at all)",
            ContractChecks.StatusDocumented => "every status you answer is documented for its operation in openapi.yaml",
            ContractChecks.ContentTypeDocumented => "every response with a body has a content type its documented response lists",
            ContractChecks.ResponseSchema => "every JSON body validates against its documented schema",
            ContractChecks.HeadersDocumented => "headers a documented response marks required (such as `Location`) are present",
            ContractChecks.InvalidInputRejected => "input that breaks the schema answers 4xx with `application/problem+json`",
            ContractChecks.ValidInputAccepted => "input within the schema answers 2xx",
            ContractChecks.MethodNotAllowed => "a method a path does not document answers 405 with an `Allow` header listing the documented ones",
            ContractChecks.RequiredHeaderRejected => "leaving out a required header answers 4xx",
            ContractChecks.LocationReadable => "a created resource reads back at its `Location` as the create returned it",
            ContractChecks.DeletedIsGone => "after a delete, the resource answers 404",
            ContractChecks.Security => "operations that declare security answer 401/403 without credentials",
            OperationsChecks.Liveness => $"`GET {ops?.Liveness}` answers 200",
            OperationsChecks.Readiness => $"`GET {ops?.Readiness}` answers 200",
            OperationsChecks.StructuredLogs => "at least 80% of the non-empty lines on stdout are JSON objects with a timestamp, a level and a message",
            OperationsChecks.Metrics => $"`GET {ops?.Metrics}` answers 200 in the Prometheus text format with a sample whose name mentions http or request",
            OperationsChecks.TraceContext => challenge.Upstream is null
                ? $"`{ops?.TraceProbe}` sent with a fresh `traceparent` keeps its trace id: in a `traceparent`/`traceresponse` response header or in the logs"
                : $"`{ops?.TraceProbe}` sent with a fresh `traceparent`: its trace id reaches the upstream",
            OperationsChecks.ProblemJson => "an unknown route answers 404 with `application/problem+json`",
            OperationsChecks.GracefulShutdown => $"last of all, SIGTERM: requests in flight complete and the process exits with code 0 within {ops?.ShutdownGrace.TotalSeconds ?? 10:0} s",
            _ => checkId,
        };
    }

    /// <summary>Thresholds a kit can judge: those not scaled from the reference measured on the grading machine.</summary>
    public static bool IsAbsolute(string threshold) => !threshold.Contains("baseline", StringComparison.OrdinalIgnoreCase);
}
