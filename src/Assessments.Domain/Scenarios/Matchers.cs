namespace Assessments.Domain.Scenarios;

/// <summary>
/// The keywords a scenario may use instead of a literal expected value. Kept tiny on purpose: a
/// challenge author should be able to read every expectation without a manual.
/// </summary>
public static class Matchers
{
    public const string Present = "@present";
    public const string Absent = "@absent";
    public const string String = "@string";
    public const string Number = "@number";
    public const string Array = "@array";
    public const string Object = "@object";
    public const string NonEmpty = "@nonempty";

    /// <summary><c>@length:N</c>: an array or string of exactly N elements.</summary>
    public const string LengthPrefix = "@length:";

    /// <summary><c>@not:VALUE</c>: present and different from VALUE.</summary>
    public const string NotPrefix = "@not:";

    public static IReadOnlyList<string> Keywords { get; } = [Present, Absent, String, Number, Array, Object, NonEmpty];

    public static bool IsKnown(string expected) =>
        !expected.StartsWith('@')
        || Keywords.Contains(expected)
        || (expected.StartsWith(LengthPrefix, StringComparison.Ordinal) && int.TryParse(expected[LengthPrefix.Length..], out _))
        || expected.StartsWith(NotPrefix, StringComparison.Ordinal);
}
