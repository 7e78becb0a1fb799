namespace Assessments.Server.Pages;

/// <summary>
/// Where sign-in may send a browser afterwards: only a path on this server. Browsers drop tabs and
/// line breaks from addresses and read <c>\</c> as <c>/</c>, so <c>/%09/evil.example</c> is really
/// <c>//evil.example</c>, another site; such tricks are judged after the same clean-up a browser does.
/// </summary>
public static class ReturnUrls
{
    public static string? LocalOrNull(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var cleaned = new string(url.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (cleaned.Length == 0 || cleaned[0] != '/' || cleaned.Contains('\\')
            || (cleaned.Length > 1 && cleaned[1] == '/')
            || !Uri.TryCreate(cleaned, UriKind.Relative, out _))
        {
            return null;
        }

        return cleaned;
    }
}
