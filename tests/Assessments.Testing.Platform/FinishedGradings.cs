using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Platform.Database;
using Assessments.Reporting;

namespace Assessments.Testing.Platform;

/// <summary>
/// Finishes a submission's grading with a given report as a worker would (its job finished, the report
/// and its HTML stored), without grading anything: for tests of what comes after a grading.
/// </summary>
public static class FinishedGradings
{
    public static async Task StoreAsync(TestDatabase database, Guid submissionId, GradingReport report)
    {
        await using var command = database.DataSource.CreateCommand("""
            with job as (update grading_jobs set state = 'finished', attempt = 1, finished_at = now() where submission_id = $1 returning id)
            insert into reports (submission_id, job_id, attempt, status, level, score, report, html)
            select $1, job.id, 1, $2, $3, $4, $5::jsonb, $6 from job
            """).With(submissionId, report.Status.ToName(), report.Level.ToName(), report.Score, ReportJson.Serialize(report), HtmlReport.Render(report));
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException($"submission {submissionId} has no grading job to finish");
        }
    }

    /// <summary>Finished at junior with 50 points, for tests where the report's content does not matter.</summary>
    public static Task StoreAsync(TestDatabase database, Guid submissionId) =>
        StoreAsync(database, submissionId, FakeReports.With(ReportStatus.Graded, Level.Junior, 50));
}
