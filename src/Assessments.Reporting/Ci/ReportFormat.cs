namespace Assessments.Reporting.Ci;

/// <summary>The files <c>assess grade --format</c> can write, each under its own fixed name.</summary>
public enum ReportFormat
{
    Json,
    Markdown,
    Html,
    JUnit,
    Sarif,
}

/// <summary>Parses the comma-separated <c>--format</c> list (<c>json,md,html,junit,sarif</c>).</summary>
public static class ReportFormats
{
    /// <summary>What a grading writes when nobody asks for anything else: the three reports it always wrote.</summary>
    public static IReadOnlyList<ReportFormat> Default { get; } = [ReportFormat.Json, ReportFormat.Markdown, ReportFormat.Html];

    private static readonly Dictionary<string, ReportFormat> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = ReportFormat.Json,
        ["md"] = ReportFormat.Markdown,
        ["markdown"] = ReportFormat.Markdown,
        ["html"] = ReportFormat.Html,
        ["junit"] = ReportFormat.JUnit,
        ["sarif"] = ReportFormat.Sarif,
    };

    public const string Known = "json, md, html, junit, sarif";

    /// <summary>The formats named, in the order given, without repeats; an error naming every unknown one otherwise.</summary>
    public static bool TryParse(string list, out IReadOnlyList<ReportFormat> formats, out string? error)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => !Names.ContainsKey(n)).ToList();
        formats = names.Where(Names.ContainsKey).Select(n => Names[n]).Distinct().ToList();
        error = unknown.Count > 0
            ? $"Unknown report format{(unknown.Count > 1 ? "s" : string.Empty)} {string.Join(", ", unknown.Select(u => $"'{u}'"))}; known formats: {Known}."
            : formats.Count == 0 ? $"--format names no format; known formats: {Known}." : null;
        return error is null;
    }

    public static string FileName(ReportFormat format) => format switch
    {
        ReportFormat.Json => ReportFiles.Json,
        ReportFormat.Markdown => ReportFiles.Markdown,
        ReportFormat.Html => ReportFiles.Html,
        ReportFormat.JUnit => ReportFiles.JUnit,
        ReportFormat.Sarif => ReportFiles.Sarif,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "no such report format"),
    };
}
