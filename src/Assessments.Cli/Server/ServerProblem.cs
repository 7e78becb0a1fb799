using System.Text.Json;

namespace Assessments.Cli.Server;

/// <summary>
/// A refusal from the server as one human sentence: the problem's title and detail (and the fields a
/// validation problem names) instead of raw JSON; a 401 says how to pass a token.
/// </summary>
internal static class ServerProblem
{
    public static string Sentence(int status, string? reason, string? content)
    {
        var (title, detail, errors) = Parse(content);
        var text = string.Join(": ", new[] { title, detail, errors }.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct());
        if (text.Length == 0)
        {
            text = $"the server answered {status} {reason}".TrimEnd();
        }

        text = text.TrimEnd('.') + ".";
        return status switch
        {
            401 => $"{text} Pass a valid token with --token or ${ServerConnection.TokenVariable} (your user's token, or the candidate's invite token).",
            403 => $"{text} This token's role may not do that (candidates use submit, status and report --feedback; interviewers the rest).",
            404 => $"{text} Check the id: it is unknown, or not visible to this token.",
            _ => text,
        };
    }

    private static (string? Title, string? Detail, string? Errors) Parse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return (null, null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, content.Trim(), null);
            }

            var errors = root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
                ? string.Join("; ", e.EnumerateObject().Select(p => $"{p.Name} {string.Join(", ", p.Value.EnumerateArray().Select(v => v.GetString()))}"))
                : null;
            return (Text(root, "title"), Text(root, "detail"), errors);
        }
        catch (JsonException)
        {
            var line = content.Trim().Split('\n')[0];
            return (null, line.Length > 200 ? line[..200] + "…" : line, null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
