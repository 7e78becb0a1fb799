using System.Text.Json;
using System.Text.Json.Nodes;
using Assessments.Domain.Challenges.Loading;
using YamlDotNet.Core;

namespace Assessments.UnitTests.Challenges;

public sealed class YamlJsonTests
{
    [Fact]
    public void Parse_keeps_a_plain_number_a_number()
    {
        var value = Field("price: 2599", "price");

        Assert.Equal(JsonValueKind.Number, value.GetValueKind());
        Assert.Equal(2599L, value.GetValue<long>());
    }

    [Theory]
    [InlineData("price: \"2599\"")]
    [InlineData("price: '2599'")]
    public void Parse_keeps_a_quoted_number_a_string(string yaml)
    {
        var value = Field(yaml, "price");

        Assert.Equal(JsonValueKind.String, value.GetValueKind());
        Assert.Equal("2599", value.GetValue<string>());
    }

    [Theory]
    [InlineData("x: true", "true")]
    [InlineData("x: false", "false")]
    [InlineData("x: null", "null")]
    [InlineData("x: ~", "null")]
    [InlineData("x:", "null")]
    [InlineData("x: 2.5", "2.5")]
    [InlineData("x: -7", "-7")]
    [InlineData("x: \"true\"", "\"true\"")]
    [InlineData("x: 007", "\"007\"")]
    [InlineData("x: Desk lamp", "\"Desk lamp\"")]
    public void Parse_maps_scalars_to_their_json_types(string yaml, string json)
    {
        var node = YamlJson.Parse(yaml)!.AsObject();

        Assert.Equal(json, node["x"]?.ToJsonString() ?? "null");
    }

    [Fact]
    public void Parse_keeps_nested_maps_and_lists()
    {
        var node = YamlJson.Parse("""
            product:
              tags: [a, 2, { deep: yes }]
              sizes:
                - s
                - m
            """);

        Assert.Equal("""{"product":{"tags":["a",2,{"deep":"yes"}],"sizes":["s","m"]}}""", node!.ToJsonString());
    }

    [Fact]
    public void Parse_rejects_a_duplicate_key()
    {
        var e = Assert.ThrowsAny<YamlException>(() => YamlJson.Parse("a: 1\nb: 2\na: 3\n"));

        Assert.Contains("Duplicate key", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, e.Start.Line);
    }

    [Fact]
    public void Parse_returns_null_for_an_empty_document()
    {
        Assert.Null(YamlJson.Parse(string.Empty));
    }

    private static JsonNode Field(string yaml, string name) => YamlJson.Parse(yaml)!.AsObject()[name]!;
}
