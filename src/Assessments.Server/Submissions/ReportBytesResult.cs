namespace Assessments.Server.Submissions;

/// <summary>A report body already in memory, cached (<see cref="ReportCache"/>) or just rendered, sent with its length.</summary>
public sealed class ReportBytesResult(string contentType, ReadOnlyMemory<byte> body) : IResult
{
    public ReportBytesResult(CachedReport cached)
        : this(cached.ContentType, cached.Body)
    {
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = contentType;
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
