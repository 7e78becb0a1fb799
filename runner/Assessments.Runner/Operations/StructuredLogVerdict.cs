using System.Text.Json;

namespace Assessments.Runner.Operations;

/// <summary>
/// Judges whether a service writes structured logs: at least 80% of its non-empty stdout lines must be
/// JSON objects with a timestamp, a level and a message, under any of the names common loggers use
/// (Serilog's compact @t/@l/@m, Microsoft's JSON console, pino, zap, bunyan-style).
/// </summary>
public static class StructuredLogVerdict
{
    public const double RequiredShare = 0.8;

    private static readonly string[] TimestampNames = ["timestamp", "Timestamp", "time", "@t", "ts", "@timestamp"];
    private static readonly string[] LevelNames = ["level", "Level", "LogLevel", "@l", "severity"];
    private static readonly string[] MessageNames = ["message", "Message", "msg", "@m", "@mt"];

    public static StructuredLogResult Judge(IReadOnlyList<string> lines)
    {
        var nonEmpty = lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var structured = 0;
        string? firstUnstructured = null;
        string? missing = null;
        foreach (var line in nonEmpty)
        {
            var problem = ProblemWith(line);
            if (problem is null)
            {
                structured++;
            }
            else if (firstUnstructured is null)
            {
                firstUnstructured = line;
                missing = problem;
            }
        }

        var share = nonEmpty.Count == 0 ? 0 : (double)structured / nonEmpty.Count;
        return new StructuredLogResult(nonEmpty.Count > 0 && share >= RequiredShare, nonEmpty.Count, structured, share, firstUnstructured, missing);
    }

    /// <summary>Why the line is not a structured log record, or null when it is one.</summary>
    public static string? ProblemWith(string line)
    {
        var text = line.Trim();
        if (!text.StartsWith('{'))
        {
            return "not a JSON object";
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "not a JSON object";
            }

            var absent = new List<string>();
            if (!HasAny(root, TimestampNames))
            {
                absent.Add("a timestamp");
            }

            // Serilog's compact format leaves @l out for Information, its default level.
            if (!HasAny(root, LevelNames) && !HasAny(root, ["@t"]))
            {
                absent.Add("a level");
            }

            if (!HasAny(root, MessageNames))
            {
                absent.Add("a message");
            }

            return absent.Count == 0 ? null : $"a JSON object without {string.Join(", ", absent)}";
        }
        catch (JsonException)
        {
            return "not valid JSON";
        }
    }

    private static bool HasAny(JsonElement root, string[] names) =>
        names.Any(name => root.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined));
}

/// <param name="Lines">Non-empty stdout lines read.</param>
/// <param name="Structured">How many of them were structured log records.</param>
public sealed record StructuredLogResult(bool Passed, int Lines, int Structured, double Share, string? FirstUnstructured, string? Problem);
