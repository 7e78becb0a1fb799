namespace Assessments.Domain.Scenarios;

/// <summary>The identifiers of checks the runner provides itself, which rubrics may reference.</summary>
public static class BuiltInChecks
{
    /// <summary>The service built, started and answered its readiness probe in time.</summary>
    public const string ServiceReady = "service.ready";

    /// <summary>The service was still running when every stage had finished (no crash, no OOM kill).</summary>
    public const string ServiceSurvived = "service.survived";

    /// <summary>Under the challenge's load profile, every threshold held (latency, errors, throughput).</summary>
    public const string LoadThresholds = "load.thresholds";

    /// <summary>Under load, the service called its upstream no more often per request than the profile allows (a cache works).</summary>
    public const string LoadUpstreamEfficiency = "load.upstream-efficiency";

    /// <summary>Reading the submission's C# found no high-severity smell (passes when there is no C# to read).</summary>
    public const string CodeNoHighSeverityFindings = "code.no-high-severity-findings";

    /// <summary>The submission carries its own tests: test methods in a test project.</summary>
    public const string CodeHasTests = "code.has-tests";

    public static IReadOnlyList<string> All { get; } = [ServiceReady, ServiceSurvived, LoadThresholds, LoadUpstreamEfficiency, CodeNoHighSeverityFindings, CodeHasTests, .. ContractChecks.All, .. OperationsChecks.All];
}

/// <summary>
/// The checks of the contract stage: requests generated from the challenge's <c>openapi.yaml</c>, responses
/// judged against it. Every challenge gets them, so rubrics may name them like scenarios.
/// </summary>
public static class ContractChecks
{
    public const string Prefix = "contract.";

    /// <summary>No response is a 5xx (or no response at all).</summary>
    public const string NoServerError = "contract.no-server-error";

    /// <summary>Every status code is one the operation documents.</summary>
    public const string StatusDocumented = "contract.status-documented";

    /// <summary>Every response's Content-Type is one its documented response declares.</summary>
    public const string ContentTypeDocumented = "contract.content-type-documented";

    /// <summary>Every JSON body validates against the schema of its documented response.</summary>
    public const string ResponseSchema = "contract.response-schema";

    /// <summary>Headers a documented response marks required (such as Location) are present.</summary>
    public const string HeadersDocumented = "contract.headers-documented";

    /// <summary>Input that breaks the schema answers 4xx with application/problem+json.</summary>
    public const string InvalidInputRejected = "contract.invalid-input-rejected";

    /// <summary>Input generated within the schema answers 2xx.</summary>
    public const string ValidInputAccepted = "contract.valid-input-accepted";

    /// <summary>An undocumented method on a documented path answers 405 with an Allow header.</summary>
    public const string MethodNotAllowed = "contract.method-not-allowed";

    /// <summary>Leaving out a required header answers 4xx.</summary>
    public const string RequiredHeaderRejected = "contract.required-header-rejected";

    /// <summary>A created resource reads back at its Location as it was created.</summary>
    public const string LocationReadable = "contract.location-readable";

    /// <summary>A deleted resource answers 404.</summary>
    public const string DeletedIsGone = "contract.deleted-is-gone";

    /// <summary>Operations that declare security answer 401 or 403 without credentials.</summary>
    public const string Security = "contract.security";

    public static IReadOnlyList<string> All { get; } =
    [
        NoServerError, StatusDocumented, ContentTypeDocumented, ResponseSchema, HeadersDocumented, InvalidInputRejected,
        ValidInputAccepted, MethodNotAllowed, RequiredHeaderRejected, LocationReadable, DeletedIsGone, Security,
    ];
}
