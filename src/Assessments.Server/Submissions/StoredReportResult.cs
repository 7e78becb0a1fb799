using System.Buffers;
using System.Data;
using Assessments.Platform.Database;
using Npgsql;

namespace Assessments.Server.Submissions;

/// <summary>
/// A stored report (report.json, or report.html as graded) copied from PostgreSQL to the response as
/// its bytes arrive. Read as a string, a report of some megabytes was held twice over before the
/// first byte went out: the whole row in the driver's buffer, then again as UTF-16 text. Read with
/// sequential access, it passes through one small buffer; text columns arrive as UTF-8, which is what
/// the response sends. Given a <see cref="ReportKeeping"/>, the bytes are also gathered on their way out
/// and kept in the <see cref="ReportCache"/>, unless they outgrow what it keeps.
/// </summary>
public sealed class StoredReportResult : IResult
{
    public const string JsonContentType = "application/json";
    public const string HtmlContentType = "text/html; charset=utf-8";

    private readonly string _query;
    private readonly Guid _submissionId;
    private readonly string _contentType;
    private readonly ReportKeeping? _keeping;

    private StoredReportResult(string query, Guid submissionId, string contentType, ReportKeeping? keeping) =>
        (_query, _submissionId, _contentType, _keeping) = (query, submissionId, contentType, keeping);

    public static StoredReportResult Json(Guid submissionId, ReportKeeping? keeping = null) =>
        new("select report::text from reports where submission_id = $1", submissionId, JsonContentType, keeping);

    public static StoredReportResult Html(Guid submissionId, ReportKeeping? keeping = null) =>
        new("select html from reports where submission_id = $1", submissionId, HtmlContentType, keeping);

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
        if (_keeping is null)
        {
            await body.CopyToAsync(httpContext.Response.Body, cancellationToken);
            return;
        }

        await CopyAndKeepAsync(body, httpContext.Response.Body, _keeping, cancellationToken);
    }

    /// <summary>Copies as it arrives, gathering a copy while it stays within what the cache keeps; kept only once all of it went out.</summary>
    private async Task CopyAndKeepAsync(Stream body, Stream response, ReportKeeping keeping, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var gathered = new MemoryStream();
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (gathered is not null && gathered.Length + read > keeping.LargestBody)
                {
                    await gathered.DisposeAsync();
                    gathered = null;
                }

                gathered?.Write(chunk, 0, read);
                await response.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            }

            if (gathered is not null)
            {
                keeping.Keep(_contentType, gathered.ToArray());
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
            if (gathered is not null)
            {
                await gathered.DisposeAsync();
            }
        }
    }
}
