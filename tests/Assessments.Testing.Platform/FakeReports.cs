using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;

namespace Assessments.Testing.Platform;

/// <summary>Reports made up for tests that exercise the queue and the API, not the grader.</summary>
public static class FakeReports
{
    public static GradingReport With(ReportStatus status, Level level = Level.NotYet, int score = 0, string? failureMessage = null) => new()
    {
        Status = status,
        Level = level,
        Score = score,
        Challenge = new ChallengeRef("api-design", "1.0.0", "Catalog API"),
        RubricVersion = "1",
        Submission = new SubmissionRef(new string('0', 64), "submission", 1, 1),
        Criteria = [],
        Contract = new ContractSection(1, 1, 1,
        [
            new CheckReport("contract.no-server-error", "No server errors", "visible", true, "no 5xx", []),
            new CheckReport("hidden.secret-check", "A hidden check", "hidden", false, "SECRET DETAIL", []),
        ]),
        Load = new LoadSection(false, "not run"),
        Timings = new Timings(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 1, new Dictionary<string, double>()),
        Environment = new GradingEnvironment("test", "none", "linux", 2, new Dictionary<string, string>()),
        Failure = failureMessage is null ? null : new Failure("start", "platform", failureMessage, null, []),
    };
}
