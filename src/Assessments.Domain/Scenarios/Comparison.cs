using System.Globalization;
using System.Text.RegularExpressions;

namespace Assessments.Domain.Scenarios;

/// <summary>
/// A comparison with a number as authors write it: <c>&lt;=1</c>, <c>&lt;3</c>, <c>&gt;=2</c>,
/// <c>&gt;0</c>, <c>==1</c> (a bare number means <c>==</c>). Step expectations (upstream calls,
/// effects, memory, restarts) and load limits (upstream calls per request) share this one grammar.
/// </summary>
public sealed partial record Comparison(string Operator, double Value)
{
    [GeneratedRegex(@"^\s*(<=|>=|==|<|>)?\s*(-?[0-9]+(?:\.[0-9]+)?)\s*$")]
    private static partial Regex Syntax();

    public static bool TryParse(string? text, out Comparison comparison)
    {
        comparison = new Comparison("==", 0);
        var match = text is null ? null : Syntax().Match(text);
        if (match is not { Success: true })
        {
            return false;
        }

        var op = match.Groups[1].Success ? match.Groups[1].Value : "==";
        comparison = new Comparison(op, double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
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
