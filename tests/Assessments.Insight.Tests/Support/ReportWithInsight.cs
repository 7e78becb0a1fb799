using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;

namespace Assessments.Insight.Tests.Support;

/// <summary>A graded report that carries nothing but the given code insight, for the report renderers and the schema.</summary>
internal static class ReportWithInsight
{
    public static GradingReport Of(CodeInsight insight, string submissionName, int files) => new()
    {
        Status = ReportStatus.Graded,
        Level = Level.Junior,
        Score = 50,
        Challenge = new ChallengeRef("api-design", "1.0.0", "Catalog API"),
        RubricVersion = "1",
        Submission = new SubmissionRef(new string('a', 64), submissionName, files, 100),
        Criteria = [],
        Contract = new ContractSection(0, 0, 1, []),
        Load = new LoadSection(false, "none"),
        Timings = new Timings(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 0, new Dictionary<string, double>()),
        Environment = new GradingEnvironment("0.1.0", "20.10", "linux", 2, new Dictionary<string, string>()),
        Insight = insight,
    };
}
