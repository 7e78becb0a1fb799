using System.Globalization;

namespace Assessments.Domain.Thresholds;

/// <summary>Durations as written in thresholds and on the command line: <c>250ms</c>, <c>1.5s</c>, <c>2m</c>, <c>800us</c>.</summary>
public static class DurationText
{
    public static TimeSpan Parse(string text)
    {
        if (TryParseMilliseconds(text, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        throw new ThresholdSyntaxException($"'{text}' is not a duration: write a number with us, ms, s or m, e.g. 250ms.");
    }

    public static bool TryParseMilliseconds(string text, out double milliseconds)
    {
        milliseconds = 0;
        var trimmed = text.Trim();
        (string Suffix, double Factor)[] units = [("us", 0.001), ("µs", 0.001), ("ms", 1), ("s", 1000), ("m", 60_000)];
        foreach (var (suffix, factor) in units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(trimmed[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && value >= 0)
            {
                milliseconds = value * factor;
                return true;
            }
        }

        return false;
    }
}
