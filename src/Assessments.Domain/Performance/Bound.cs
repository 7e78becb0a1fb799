using System.Globalization;
using System.Text.RegularExpressions;

namespace Assessments.Domain.Performance;

/// <summary>A limit written as a comparison and a number: <c>&lt;=0.2</c>, <c>&lt;1</c>, <c>&gt;=3</c>, <c>&gt;3</c>, <c>==1</c>.</summary>
public sealed partial record Bound(string Operator, double Value)
{
    public static Bound Parse(string text)
    {
        var match = Grammar().Match(text ?? string.Empty);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a comparison: expected <=n, <n, >=n, >n or ==n (for example <=0.2)");
        }

        return new Bound(match.Groups["op"].Value, double.Parse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    public bool Holds(double actual) => Operator switch
    {
        "<=" => actual <= Value,
        "<" => actual < Value,
        ">=" => actual >= Value,
        ">" => actual > Value,
        _ => actual == Value,
    };

    public override string ToString() => $"{Operator}{Value.ToString(CultureInfo.InvariantCulture)}";

    [GeneratedRegex(@"^\s*(?<op><=|>=|==|<|>)\s*(?<value>\d+(\.\d+)?)\s*$")]
    private static partial Regex Grammar();
}
