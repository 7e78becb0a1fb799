namespace Assessments.Server.Pages;

/// <summary>The stylesheet and script, embedded in the assembly so that every way of running the server has them.</summary>
public static class PageAssets
{
    private static readonly Dictionary<string, (byte[] Content, string Type)> Assets = new(StringComparer.Ordinal)
    {
        ["site.css"] = (Read("site.css"), "text/css; charset=utf-8"),
        ["pages.js"] = (Read("pages.js"), "text/javascript; charset=utf-8"),
    };

    public static RouteGroupBuilder MapAssets(this RouteGroupBuilder pages)
    {
        pages.MapGet("/assets/{name}", (string name, HttpContext http) =>
        {
            if (!Assets.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=300";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Bytes(asset.Content, asset.Type);
        }).AllowAnonymous();
        return pages;
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(PageAssets).Assembly.GetManifestResourceStream($"pages/{name}")
            ?? throw new InvalidOperationException($"the page asset {name} is not embedded");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
