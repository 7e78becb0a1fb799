using System.Globalization;
using System.Text.RegularExpressions;

namespace Assessments.Domain.Performance;

/// <summary>
/// A threshold scaled from the reference solution's figures on this machine:
/// <c>p(99) &lt; 3 x baseline + 20ms</c>. Before the load engine sees it, it is rewritten to an
/// absolute one (<c>p(99) &lt; 41.3ms</c>), keeping how it was derived for the report.
/// </summary>
public sealed partial record RelativeThreshold(string Text, string Metric, string Operator, double Factor, double Slack)
{
    private static readonly string[] LatencyMetrics = ["p(50)", "med", "p(90)", "p(99)", "max"];

    /// <summary>Whether the text is written relative to a baseline at all (then it must parse as one).</summary>
    public static bool IsRelative(string text) => text.Contains("baseline", StringComparison.OrdinalIgnoreCase);

    public static RelativeThreshold Parse(string text)
    {
        var match = Grammar().Match(text ?? string.Empty);
        if (!match.Success)
        {
            throw new FormatException(
                $"cannot read '{text}' as a relative threshold: expected '<metric> <op> <factor> x baseline [+ <slack>ms]', e.g. 'p(99) < 3 x baseline + 20ms'");
        }

        var metric = Regex.Replace(match.Groups["metric"].Value, @"\s", string.Empty);
        var latency = LatencyMetrics.Contains(metric);
        if (!latency && metric != "rps")
        {
            throw new FormatException($"in '{text}': a relative threshold scales p(50), med, p(90), p(99), max or rps");
        }

        var slackUnit = match.Groups["unit"].Value;
        if (match.Groups["slack"].Success && (latency ? slackUnit is not ("ms" or "") : slackUnit.Length > 0))
        {
            throw new FormatException($"in '{text}': the slack of a {(latency ? "latency is in ms" : "throughput has no unit")}");
        }

        var factor = Number(match.Groups["factor"].Value);
        if (factor <= 0)
        {
            throw new FormatException($"in '{text}': the factor must be above 0");
        }

        var slack = match.Groups["slack"].Success ? Number(match.Groups["slack"].Value) * (match.Groups["sign"].Value == "-" ? -1 : 1) : 0;
        return new RelativeThreshold(text!, metric, match.Groups["op"].Value, factor, slack);
    }

    /// <summary>The absolute threshold the load engine judges, and a sentence saying where its number came from.</summary>
    public DerivedThreshold Derive(BaselineFigures baseline)
    {
        var (figure, name) = Metric switch
        {
            "p(50)" or "med" => (baseline.P50, "p50"),
            "p(90)" => (baseline.P90, "p90"),
            "p(99)" => (baseline.P99, "p99"),
            "max" => (baseline.Max, "max"),
            _ => (baseline.Rps, "throughput"),
        };
        var limit = Math.Max(0, Math.Round((Factor * figure) + Slack, 2));
        var unit = Metric == "rps" ? string.Empty : "ms";
        var absolute = $"{Metric} {Operator} {Format(limit)}{unit}";
        var slack = Slack == 0 ? string.Empty : $" {(Slack < 0 ? "-" : "+")} {Format(Math.Abs(Slack))}{unit}";
        var derivation = $"{Format(Factor)} × the reference's {name} {Format(Math.Round(figure, 2))}{(unit.Length == 0 ? " req/s" : unit)}{slack} = {Format(limit)}{(unit.Length == 0 ? " req/s" : unit)}";
        return new DerivedThreshold(Text, absolute, derivation);
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*(?<metric>[a-z]+(\s*\([^)]*\))?)\s*(?<op><=|>=|<|>)\s*(?<factor>\d+(\.\d+)?)\s*[x×*]\s*baseline\s*((?<sign>[+-])\s*(?<slack>\d+(\.\d+)?)\s*(?<unit>[a-z/]*))?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Grammar();
}

/// <summary>A threshold as the author wrote it, the absolute one judged, and how the number was derived.</summary>
public sealed record DerivedThreshold(string Written, string Absolute, string Derivation);
