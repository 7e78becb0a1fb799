namespace Assessments.Domain.Thresholds;

/// <summary>
/// A threshold as a user writes it, with k6's options. From text: <c>p(99) &lt; 50ms; abortOnFail; startCheckAfter=5s</c>.
/// </summary>
/// <param name="AbortOnFail">Stop the run as soon as the threshold fails (checked once a second).</param>
/// <param name="StartCheckAfter">How long after warm-up before an aborting check may fire, so early noise cannot abort.</param>
public sealed record ThresholdSpec(string Expression, bool AbortOnFail = false, TimeSpan StartCheckAfter = default)
{
    public ThresholdExpression Parsed { get; } = ThresholdParser.Parse(Expression);

    public static ThresholdSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new ThresholdSyntaxException("A threshold cannot be empty.");
        }

        var abort = false;
        var startAfter = TimeSpan.Zero;
        foreach (var option in parts.Skip(1))
        {
            if (option.Equals("abortOnFail", StringComparison.OrdinalIgnoreCase))
            {
                abort = true;
            }
            else if (option.StartsWith("startCheckAfter=", StringComparison.OrdinalIgnoreCase))
            {
                startAfter = DurationText.Parse(option["startCheckAfter=".Length..]);
            }
            else
            {
                throw new ThresholdSyntaxException($"Unknown threshold option '{option}' in '{text}': expected abortOnFail or startCheckAfter=<duration>.");
            }
        }

        return new ThresholdSpec(parts[0], abort, startAfter);
    }

    public override string ToString() =>
        Expression + (AbortOnFail ? "; abortOnFail" : "") + (StartCheckAfter > TimeSpan.Zero ? $"; startCheckAfter={StartCheckAfter.TotalSeconds}s" : "");
}
