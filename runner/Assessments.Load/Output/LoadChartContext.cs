namespace Assessments.Load.Output;

/// <summary>
/// What a report knows that the engine does not: the name to show for the target (a grading's
/// service sits on an internal address nobody should read), and the reference's p99 to draw.
/// </summary>
public sealed record LoadChartContext(string? TargetName = null, double? ReferenceP99 = null, string ReferenceName = "reference");

/// <summary>A threshold's figure as people read it: ratios as percentages, the rest with their unit.</summary>
public static class ThresholdFigures
{
    public static string Format(double value, string unit) => unit == "ratio"
        ? (value * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%"
        : $"{value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} {unit}";
}
