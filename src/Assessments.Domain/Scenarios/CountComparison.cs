using System.Globalization;
using System.Text.RegularExpressions;

namespace Assessments.Domain.Scenarios;

/// <summary>
/// A comparison with a number as authors write it: <c>&lt;=1</c>, <c>&lt;3</c>, <c>&gt;=2</c>,
/// <c>&gt;0</c>, <c>==1</c> (a bare number means <c>==</c>).
/// </summary>
public sealed partial record CountComparison(string Operator, double Value)
{
    [GeneratedRegex(@"^\s*(<=|>=|==|<|>)?\s*(-?[0-9]+(?:\.[0-9]+)?)\s*$")]
    private static partial Regex Syntax();

    public static bool TryParse(string? text, out CountComparison comparison)
    {
        comparison = new CountComparison("==", 0);
        var match = text is null ? null : Syntax().Match(text);
        if (match is not { Success: true })
        {
            return false;
        }

        var op = match.Groups[1].Success ? match.Groups[1].Value : "==";
        comparison = new CountComparison(op, double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        return true;
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
}
