using System.Data;
using Assessments.Platform.Database;
using Npgsql;

namespace Assessments.Server.Submissions;

/// <summary>
/// A stored report (report.json, or report.html as graded) copied from PostgreSQL to the response as
/// its bytes arrive. Read as a string, a report of some megabytes was held twice over before the
/// first byte went out: the whole row in the driver's buffer, then again as UTF-16 text. Read with
/// sequential access, it passes through one small buffer; text columns arrive as UTF-8, which is what
/// the response sends.
/// </summary>
public sealed class StoredReportResult : IResult
{
    private readonly string _query;
    private readonly Guid _submissionId;
    private readonly string _contentType;

    private StoredReportResult(string query, Guid submissionId, string contentType) =>
        (_query, _submissionId, _contentType) = (query, submissionId, contentType);

    public static StoredReportResult Json(Guid submissionId) =>
        new("select report::text from reports where submission_id = $1", submissionId, "application/json");

    public static StoredReportResult Html(Guid submissionId) =>
        new("select html from reports where submission_id = $1", submissionId, "text/html; charset=utf-8");

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var cancellationToken = httpContext.RequestAborted;
        var dataSource = httpContext.RequestServices.GetRequiredService<NpgsqlDataSource>();
        await using var command = dataSource.CreateCommand(_query).With(_submissionId);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            // Reports are never deleted, and the caller checked that this one exists; should it vanish, say so plainly.
            httpContext.Response.Headers.Remove("ETag");
            httpContext.Response.Headers.CacheControl = "no-store";
            httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        httpContext.Response.ContentType = _contentType;
        await using var body = await reader.GetStreamAsync(0, cancellationToken);
        await body.CopyToAsync(httpContext.Response.Body, cancellationToken);
    }
}
