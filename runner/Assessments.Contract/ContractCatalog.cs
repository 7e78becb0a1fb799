using Assessments.Domain.Scenarios;

namespace Assessments.Contract;

/// <summary>What each contract check verifies, in the sentence a report shows (and the README documents).</summary>
public static class ContractCatalog
{
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        [ContractChecks.NoServerError] = "No request makes the service fail (5xx or no answer)",
        [ContractChecks.StatusDocumented] = "Every status code is one the contract documents",
        [ContractChecks.ContentTypeDocumented] = "Every response has a content type the contract documents",
        [ContractChecks.ResponseSchema] = "Every response body matches its documented schema",
        [ContractChecks.HeadersDocumented] = "Responses carry the headers the contract requires",
        [ContractChecks.InvalidInputRejected] = "Input that breaks the schema is rejected with 4xx and application/problem+json",
        [ContractChecks.ValidInputAccepted] = "Input within the schema is accepted",
        [ContractChecks.MethodNotAllowed] = "An undocumented method answers 405 with an Allow header",
        [ContractChecks.RequiredHeaderRejected] = "A request without a required header is rejected with 4xx",
        [ContractChecks.LocationReadable] = "A created resource reads back at its Location as it was created",
        [ContractChecks.DeletedIsGone] = "A deleted resource answers 404",
        [ContractChecks.Security] = "Secured operations answer 401 or 403 without credentials",
    };

    public static string Title(string checkId) => Titles.TryGetValue(checkId, out var title) ? title : checkId;
}
