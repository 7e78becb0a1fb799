using System.Text.Json;
using System.Text.Json.Nodes;
using Assessments.Domain.Scenarios;

namespace Assessments.Runner.Checks;

/// <summary>Compares an actual JSON value or header with an expectation written in a scenario.</summary>
public static class ValueMatcher
{
    /// <summary>Returns null when the value matches, otherwise what was wrong, in a sentence.</summary>
    public static string? MatchJson(JsonNode? actual, bool found, string expected)
    {
        var kind = actual?.GetValueKind() ?? JsonValueKind.Null;
        return expected switch
        {
            Matchers.Present => found ? null : "is missing",
            Matchers.Absent => found ? $"should be absent but is {Show(actual)}" : null,
            _ when !found => "is missing",
            Matchers.String => kind == JsonValueKind.String ? null : $"should be a string but is {Show(actual)}",
            Matchers.Number => kind == JsonValueKind.Number ? null : $"should be a number but is {Show(actual)}",
            Matchers.Array => kind == JsonValueKind.Array ? null : $"should be an array but is {Show(actual)}",
            Matchers.Object => kind == JsonValueKind.Object ? null : $"should be an object but is {Show(actual)}",
            Matchers.NonEmpty => Length(actual) > 0 ? null : $"should not be empty but is {Show(actual)}",
            _ when expected.StartsWith(Matchers.LengthPrefix, StringComparison.Ordinal) =>
                Length(actual) == int.Parse(expected[Matchers.LengthPrefix.Length..]) ? null : $"should have length {expected[Matchers.LengthPrefix.Length..]} but is {Show(actual)}",
            _ when expected.StartsWith(Matchers.NotPrefix, StringComparison.Ordinal) =>
                Text(actual) != expected[Matchers.NotPrefix.Length..] ? null : $"should differ from {expected[Matchers.NotPrefix.Length..]}",
            _ => AreEqual(actual, expected) ? null : $"should be {expected} but is {Show(actual)}",
        };
    }

    public static string? MatchHeader(string? actual, string expected) => expected switch
    {
        Matchers.Present => actual is null ? "is missing" : null,
        Matchers.Absent => actual is null ? null : $"should be absent but is '{actual}'",
        _ when actual is null => "is missing",
        Matchers.NonEmpty => actual.Length > 0 ? null : "is empty",
        _ when expected.StartsWith(Matchers.NotPrefix, StringComparison.Ordinal) =>
            actual != expected[Matchers.NotPrefix.Length..] ? null : $"should differ from '{actual}'",
        _ => string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase) ? null : $"should be '{expected}' but is '{actual}'",
    };

    /// <summary>Scalars compare by their text, so that 10, "10" in YAML and 10 in JSON agree with an author's intent.</summary>
    internal static string Text(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    // A number compares numerically (10.0 matches 10); anything else by its text.
    private static bool AreEqual(JsonNode? actual, string expected) =>
        Text(actual) == expected
        || (actual?.GetValueKind() == JsonValueKind.Number
            && double.TryParse(expected, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var e)
            && actual.GetValue<double>() == e);

    private static int Length(JsonNode? node) => node switch
    {
        JsonArray a => a.Count,
        JsonObject o => o.Count,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length,
        _ => 0,
    };

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 120 ? text[..120] + "…" : text;
    }
}
