using Assessments.Domain.Reports;
using Assessments.Reporting;

namespace Assessments.Web.Tests.Support;

/// <summary>
/// The fast path for pages that read reports: a grading finished in the database as a worker would
/// finish it, with a report the real grader wrote (Fixtures/senior-report.json, the api-design senior
/// reference, load charts included) or one made up for the case.
/// </summary>
public static class StoredReports
{
    /// <summary>What a hostile service prints: markup that would run if written raw, wrapped in ANSI colour codes.</summary>
    public static IReadOnlyList<string> HostileLog { get; } =
    [
        "\u001b[31mERROR\u001b[0m <script>window.__xss=1</script>",
        "<img src=x onerror=\"window.__xss=2\"> \u001b]0;window title\u0007done",
    ];

    public static GradingReport Senior() =>
        ReportJson.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "senior-report.json")));

    public static Task FinishAsync(TestDatabase database, Guid submissionId, GradingReport report) => FinishedGradings.StoreAsync(database, submissionId, report);
}
