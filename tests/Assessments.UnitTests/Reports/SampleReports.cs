using Assessments.Domain.Reports;
using Assessments.Domain.Rubrics;
using Assessments.Domain.Scoring;
using Assessments.Runner.Sandbox;
using Assessments.Submissions.Sandbox;
using Assessments.UnitTests.Support;

namespace Assessments.UnitTests.Reports;

/// <summary>A report for every way grading can end, each with the diagnostics that status carries.</summary>
internal static class SampleReports
{
    public const string Script = "<script>alert(1)</script>";
    public const string Sha256 = "4f2c0a3d9e1b7c6a5f4e3d2c1b0a99887766554433221100ffeeddccbbaa9988";
    public const string Curl = "curl -i -X POST 'http://localhost:8080/products' --data-raw '{\"name\":\"it'\\''s\"}'";

    private static readonly Rubric Rubric = new(
        "2026.11.1",
        [
            new Criterion("service-runs", "The service runs", "containers", 10, ["service.ready"]),
            new Criterion("create-and-read", "Creates and reads", "api-design", 40, ["create-product"]),
            new Criterion("latency", "Answers quickly", "performance", 50, ["latency"]),
        ],
        [new LevelGate(Level.Junior, 40, ["service-runs"]), new LevelGate(Level.Senior, 90, ["latency"])]);

    public static GradingReport For(ReportStatus status) => status switch
    {
        ReportStatus.Graded => Graded(),
        ReportStatus.BuildFailed => NotEvaluated(status, new Failure("build", "build_failed", "the build failed", null, ["\u001b[31merror CS1002: ; expected\u001b[0m"])) with
        {
            BuildLogTail = ["Step 4/7 : RUN dotnet publish", "\u001b[31merror CS1002: ; expected\u001b[0m"],
        },
        ReportStatus.StartFailed => NotEvaluated(status, new Failure("start", "exited", "the service exited", 139, ["Segmentation fault"])) with
        {
            ServiceLogTail = ["Starting…", "Segmentation fault"],
        },
        ReportStatus.Rejected => NotEvaluated(status, new Failure("intake", "rejected", "links are not allowed in a submission: 'passwd'", null, [])) with
        {
            Submission = new SubmissionRef(string.Empty, "evil.tar.gz", 0, 0),
        },
        _ => NotEvaluated(status, new Failure("platform", "infrastructure_error", "the Docker engine is unreachable", null, [])),
    };

    public static GradingReport Graded()
    {
        var created = Exchange(201, """{"id":1,"name":"it's"}""");
        var slow = Evidence.Measurement("p99 latency", 412.5, "ms");
        var outcomes = new[]
        {
            new CheckOutcome("service.ready", true, "ready in 1.2 s", [Evidence.Note("ready in 1.2 s")]),
            new CheckOutcome("create-product", true, "all 1 step(s) as expected", [Evidence.Of(created, "step 1: POST /products: as expected (201)")]),
            new CheckOutcome("latency", false, "too slow", [slow]),
        };
        var card = Scorer.Score(Rubric, outcomes);
        return Base(ReportStatus.Graded, card) with
        {
            Contract = new ContractSection(1, 1, 7, [
                new CheckReport("create-product", "Creates a product", "visible", true, "as expected", [Evidence.Of(created, "created")]),
                new CheckReport("not-found", "Unknown product", "hidden", false, "status 200, expected 404", [Evidence.Of(Exchange(200, Script), "status 200, expected 404")]),
            ]),
            ServiceLogTail = ["info: listening on :8080", $"\u001b[31m{Script}\u001b[0m"],
        };
    }

    private static GradingReport NotEvaluated(ReportStatus status, Failure failure)
    {
        var reason = failure.LogTail.Count > 0
            ? Evidence.Log($"Not evaluated: {failure.Message}", failure.LogTail)
            : Evidence.Note($"Not evaluated: {failure.Message}");
        return Base(status, Scorer.NotEvaluated(Rubric, reason)) with { Failure = failure };
    }

    private static GradingReport Base(ReportStatus status, ScoreCard card) => new()
    {
        Status = status,
        Level = card.Level,
        Score = card.Score,
        Challenge = new ChallengeRef("api-design", "1.0.0", "Catalog API"),
        RubricVersion = Rubric.Version,
        Submission = new SubmissionRef(Sha256, "candidate.zip", 4, 2_048),
        Criteria = card.Criteria,
        LevelReasons = card.LevelReasons,
        Contract = new ContractSection(0, 0, 7, []),
        Load = new LoadSection(false, "this challenge version declares no load profile"),
        Timings = new Timings(
            new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 23, 9, 1, 30, TimeSpan.Zero),
            90_000.5,
            new Dictionary<string, double> { ["intake"] = 12.5, ["build"] = 60_000 })
        {
            Scenarios = [new ScenarioTiming("create-product", "A created product reads back", 412.3, [new StepTiming(1, "request", 40.1, true), new StepTiming(2, "request", 372.2, true, 3)])],
            BaselineMs = 21_000,
            SlotWaitMs = 0,
        },
        Environment = new GradingEnvironment("0.1.0", "27.3.1", "Linux", 2, SandboxLimits.Default.Describe())
        {
            Slot = new SlotEnvironment(0, 1, "1", "0", "0"),
            ImageReused = false,
        },
    };

    private static HttpExchange Exchange(int status, string body) => new(
        Exchanges.Request,
        new HttpResponseRecord(status, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, body, BodyTruncated: false),
        8.25,
        null,
        Curl);
}
