using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Assessments.Server.Submissions;

/// <summary>
/// Caching headers and revalidation for reports. It runs inside the endpoints, so authentication and
/// authorization have already passed: a 304 is only ever said to someone allowed to read the report.
/// Reports are behind authentication, hence <c>private</c>: no shared cache may keep one. A grading
/// still queued or running has no report (404), and 404s carry none of these headers.
/// </summary>
public static class ReportCaching
{
    /// <summary>
    /// report.json never changes once written. Five minutes spares an interviewer's browser the trip
    /// while reading; after that it revalidates (cheap), which re-checks who is asking, so five
    /// minutes is also how long someone whose access was just taken away keeps a copy they already
    /// hold, in their own browser. A longer age would save little and stretch that.
    /// </summary>
    public const string StoredReport = "private, max-age=300";

    /// <summary>
    /// report.html is rendered again when an interviewer overrides the level, and the partner's
    /// report follows the candidate's latest graded upload; a copy reused without asking would show
    /// the old verdict. So every use revalidates, answered 304 while nothing changed.
    /// </summary>
    public const string RenderedReport = "private, no-cache";

    /// <summary>Sets the tag and caching policy; true when the caller's copy is current (answer 304, no body).</summary>
    public static bool IsCurrent(HttpContext http, string entityTag, string cacheControl)
    {
        http.Response.Headers.ETag = entityTag;
        http.Response.Headers.CacheControl = cacheControl;
        var tag = new EntityTagHeaderValue(entityTag);

        // If-None-Match compares weakly (RFC 9110 13.1.2): a W/ prefix added by a proxy still matches.
        return http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } known
            && known.Any(k => k.Equals(EntityTagHeaderValue.Any) || k.Compare(tag, useStrongComparison: false));
    }

    public static StatusCodeHttpResult NotModified() => TypedResults.StatusCode(StatusCodes.Status304NotModified);
}
