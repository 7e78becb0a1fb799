using System.Text.Json.Nodes;
using Assessments.Runner.Checks;

namespace Assessments.UnitTests.Checks;

public sealed class ValueMatcherTests
{
    private static readonly JsonNode Document = JsonNode.Parse("""
        { "name": "Lamp", "price": 10.0, "stock": 10, "code": "007", "tags": ["a", "b"], "meta": {}, "blank": "", "none": [], "deleted": null }
        """)!;

    [Theory]
    [InlineData("$.name", "@present")]
    [InlineData("$.deleted", "@present")]
    [InlineData("$.missing", "@absent")]
    [InlineData("$.name", "@string")]
    [InlineData("$.code", "@string")]
    [InlineData("$.price", "@number")]
    [InlineData("$.tags", "@array")]
    [InlineData("$.meta", "@object")]
    [InlineData("$.tags", "@nonempty")]
    [InlineData("$.name", "@nonempty")]
    [InlineData("$.tags", "@length:2")]
    [InlineData("$.name", "@length:4")]
    [InlineData("$.name", "@not:Chair")]
    [InlineData("$.name", "Lamp")]
    [InlineData("$.price", "10")]
    [InlineData("$.stock", "10.0")]
    [InlineData("$.code", "007")]
    [InlineData("$.deleted", "null")]
    public void MatchJson_accepts_a_value_that_meets_the_expectation(string path, string expected)
    {
        Assert.Null(Match(path, expected));
    }

    [Theory]
    [InlineData("$.missing", "@present", "is missing")]
    [InlineData("$.name", "@absent", "should be absent but is \"Lamp\"")]
    [InlineData("$.deleted", "@absent", "should be absent but is null")]
    [InlineData("$.stock", "@string", "should be a string but is 10")]
    [InlineData("$.code", "@number", "should be a number but is \"007\"")]
    [InlineData("$.meta", "@array", "should be an array but is {}")]
    [InlineData("$.tags", "@object", "should be an object but is [\"a\",\"b\"]")]
    [InlineData("$.none", "@nonempty", "should not be empty but is []")]
    [InlineData("$.blank", "@nonempty", "should not be empty but is \"\"")]
    [InlineData("$.tags", "@length:3", "should have length 3 but is [\"a\",\"b\"]")]
    [InlineData("$.name", "@not:Lamp", "should differ from Lamp")]
    [InlineData("$.missing", "@not:Lamp", "is missing")]
    [InlineData("$.missing", "@string", "is missing")]
    [InlineData("$.name", "Chair", "should be Chair but is \"Lamp\"")]
    [InlineData("$.price", "10.5", "should be 10.5 but is 10.0")]
    [InlineData("$.code", "7", "should be 7 but is \"007\"")]
    [InlineData("$.deleted", "Lamp", "should be Lamp but is null")]
    public void MatchJson_explains_a_value_that_misses_the_expectation(string path, string expected, string problem)
    {
        Assert.Equal(problem, Match(path, expected));
    }

    [Theory]
    [InlineData("application/json", "@present", null)]
    [InlineData(null, "@present", "is missing")]
    [InlineData(null, "@absent", null)]
    [InlineData("secret", "@absent", "should be absent but is 'secret'")]
    [InlineData("", "@nonempty", "is empty")]
    [InlineData("W/\"2\"", "@not:W/\"1\"", null)]
    [InlineData("W/\"1\"", "@not:W/\"1\"", "should differ from 'W/\"1\"'")]
    [InlineData("No-Cache", "no-cache", null)]
    [InlineData("max-age=60", "no-cache", "should be 'no-cache' but is 'max-age=60'")]
    [InlineData(null, "no-cache", "is missing")]
    public void MatchHeader_compares_a_header_with_a_literal_or_a_matcher(string? actual, string expected, string? problem)
    {
        Assert.Equal(problem, ValueMatcher.MatchHeader(actual, expected));
    }

    private static string? Match(string path, string expected)
    {
        var node = JsonPath.Select(Document, path, out var found);
        return ValueMatcher.MatchJson(node, found, expected);
    }
}
