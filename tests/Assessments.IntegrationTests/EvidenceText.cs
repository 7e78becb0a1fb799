using Assessments.Domain.Reports;

namespace Assessments.IntegrationTests;

/// <summary>A check's evidence as one text (summaries, measured values, log lines), to assert on and to print when an assertion fails.</summary>
internal static class EvidenceText
{
    public static string Of(IEnumerable<Evidence> evidence) => string.Join("\n", evidence.Select(e =>
        e.Summary + (e.Value is { } v ? $" {v} {e.Unit}" : string.Empty) + (e.Lines is { } lines ? "\n  " + string.Join("\n  ", lines) : string.Empty)));
}
