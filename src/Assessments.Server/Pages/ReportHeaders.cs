namespace Assessments.Server.Pages;

/// <summary>
/// The headers every copy of a stored report.html is served with, framed in the review page or
/// fetched from the API: no script, connection or outside resource, framed only by this server, its
/// type never sniffed. The report is the reporting library's (every piece of submission text cleaned
/// and encoded); this is the second wall, should anything ever slip through.
/// </summary>
public static class ReportHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox allow-same-origin";

    public static void Apply(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XFrameOptions = "SAMEORIGIN";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
