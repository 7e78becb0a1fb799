namespace Assessments.Domain.Thresholds;

public enum Comparison
{
    LessThan,
    LessOrEqual,
    GreaterThan,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

public static class ComparisonExtensions
{
    public static bool Holds(this Comparison comparison, double actual, double limit) => comparison switch
    {
        Comparison.LessThan => actual < limit,
        Comparison.LessOrEqual => actual <= limit,
        Comparison.GreaterThan => actual > limit,
        Comparison.GreaterOrEqual => actual >= limit,
        Comparison.Equal => Math.Abs(actual - limit) < 1e-9,
        Comparison.NotEqual => Math.Abs(actual - limit) >= 1e-9,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };

    public static string Symbol(this Comparison comparison) => comparison switch
    {
        Comparison.LessThan => "<",
        Comparison.LessOrEqual => "<=",
        Comparison.GreaterThan => ">",
        Comparison.GreaterOrEqual => ">=",
        Comparison.Equal => "==",
        Comparison.NotEqual => "!=",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };
}
