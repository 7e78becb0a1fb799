using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;

namespace Assessments.Web.Tests.Support;

/// <summary>
/// Reports shaped like the ones the issue was filed about, built on the real senior report: a
/// criterion whose passing exchanges came before its failure, the same failing exchange judged by
/// three checks, a scenario step that needs an earlier step's id, and a build failure.
/// </summary>
public static class InterviewerReports
{
    public const string FailingReason = "1 of 26 exchange(s) failed (seed 1); first: body 'key' longer than 64: answered 204, expected a 4xx rejection";

    public static GradingReport EngineerII()
    {
        var senior = StoredReports.Senior();
        var sample = senior.Criteria.SelectMany(c => c.Evidence).First(e => e.Exchange is not null).Exchange!;
        var passing = Evidence.Of(sample, "valid input (minimal) (GET /health): as documented (200)") with { Passed = true, Check = "contract.valid-input-accepted" };
        var rejected = Exchange(sample, "POST", "/products", """{"key":"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"}""", 204);
        var failing = Evidence.Of(rejected, "body 'key' longer than 64: answered 204, expected a 4xx rejection") with { Passed = false };
        var input = new CriterionResult("contract-input", "Input is checked against the contract", "api-design", 0, 10, false,
        [
            passing, passing,
            failing with { Check = "contract.invalid-input-rejected" },
            failing with { Check = "contract.status-documented" },
            failing with { Check = "contract.response-schema" },
            Evidence.Note("26 exchange(s) judged with seed 1 (requests digest 9750b07eafbd)") with { Check = "contract.invalid-input-rejected" },
            Evidence.Note("Not applicable: no operation declares security") with { Check = "contract.security" },
        ])
        { Reason = FailingReason };

        var create = Exchange(sample, "POST", "/products", """{"name":"lamp","price":12}""", 201);
        var delete = Exchange(sample, "DELETE", "/products/6", null, 204);
        var read = Exchange(sample, "GET", "/products/6", null, 200);
        var deletion = new CriterionResult("delete", "A deleted product is gone", "api-design", 0, 10, false,
        [
            Evidence.Of(create, "step 1: POST /products: as expected (201)") with { Passed = true, Check = "delete-product" },
            Evidence.Of(delete, "step 2: DELETE /products/6: as expected (204)") with { Passed = true, Check = "delete-product" },
            Evidence.Of(read, "step 3: GET /products/6: status 200, expected 404") with { Passed = false, Check = "delete-product" },
        ])
        { Reason = "step 3: GET /products/6: status 200, expected 404" };

        var criteria = senior.Criteria.Where(c => c.Id is not ("contract-input" or "delete")).Append(input).Append(deletion).ToList();
        return senior with
        {
            Level = Level.EngineerII,
            Score = 80,
            Criteria = criteria,
            LevelReasons = ["senior: required criteria not met: contract-input, delete"],
        };
    }

    public static GradingReport BuildFailed()
    {
        var senior = StoredReports.Senior();
        string[] log = ["Step 4/6 : RUN dotnet publish -c Release -o /app", "Program.cs(12,5): error CS1002: ; expected", "The command '/bin/sh -c dotnet publish' returned a non-zero code: 1"];
        var reason = Evidence.Log("Not evaluated: the image did not build", log);
        return senior with
        {
            Status = ReportStatus.BuildFailed,
            Level = Level.NotYet,
            Score = 0,
            Criteria = senior.Criteria.Select(c => c with { Points = 0, Passed = false, Evidence = [reason] }).ToList(),
            LevelReasons = ["the image did not build"],
            Failure = new Failure("build", "build_failed", "the image did not build", 1, log),
            BuildLogTail = log,
            Load = new LoadSection(false, "grading stopped before the load stage"),
        };
    }

    private static HttpExchange Exchange(HttpExchange sample, string method, string path, string? body, int status) =>
        sample with
        {
            Request = new HttpRequestRecord(method, path, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, body),
            Response = new HttpResponseRecord(status, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, status == 204 ? null : """{"id":6}""", false),
            Curl = $"curl -i{(method == "GET" ? string.Empty : $" -X {method}")} 'http://localhost:8080{path}'{(body is null ? string.Empty : $" -H 'Content-Type: application/json' --data-raw '{body}'")}",
        };
}
