using Assessments.Domain.Reports;
using Microsoft.CodeAnalysis;

namespace Assessments.Insight.Findings;

/// <summary>A file that is not valid C# is reported, not a reason to stop: the rules still read what Roslyn recovered.</summary>
internal static class ParseProblems
{
    public const string Rule = "parse-error";

    public static CodeFinding? Of(FileContext file)
    {
        var error = file.Tree.GetDiagnostics(file.CancellationToken).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (error is null)
        {
            return null;
        }

        var line = error.Location.GetLineSpan().StartLinePosition.Line + 1;
        return new CodeFinding(
            Rule, "File does not parse", FindingSeverity.Low, Competencies.CodeQuality, file.File.Path, line, file.Snippet(line),
            $"The C# parser stopped here ({error.Id}: {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}); findings for this file come from what could be recovered, and the service will not build as it is.");
    }

    public static CodeFinding AnalysisStopped(string path, Exception e) => new(
        "analysis-error", "File could not be analysed", FindingSeverity.Low, Competencies.CodeQuality, path, 1, string.Empty,
        $"The analysis of this file stopped ({e.GetType().Name}), typically on code nested too deeply to walk; the rest of the submission was analysed.");
}
