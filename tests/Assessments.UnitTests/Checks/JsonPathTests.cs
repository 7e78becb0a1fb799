using System.Text.Json.Nodes;
using Assessments.Runner.Checks;

namespace Assessments.UnitTests.Checks;

public sealed class JsonPathTests
{
    private static readonly JsonNode Document = JsonNode.Parse("""
        {
          "id": 7,
          "odd name": "spaced",
          "deleted": null,
          "items": [{ "id": "a" }, { "id": "b" }, { "id": "c" }],
          "meta": { "next": { "cursor": "xyz" } }
        }
        """)!;

    [Theory]
    [InlineData("$", null)]
    [InlineData("$.id", "7")]
    [InlineData("$.meta.next.cursor", "\"xyz\"")]
    [InlineData("$['odd name']", "\"spaced\"")]
    [InlineData("$[\"odd name\"]", "\"spaced\"")]
    [InlineData("$.items[0].id", "\"a\"")]
    [InlineData("$.items[2]['id']", "\"c\"")]
    [InlineData("$.items[-1].id", "\"c\"")]
    [InlineData("$.items[-3].id", "\"a\"")]
    public void Select_finds_the_node_a_path_names(string path, string? json)
    {
        var node = JsonPath.Select(Document, path, out var found);

        Assert.True(found);
        Assert.Equal(json ?? Document.ToJsonString(), node!.ToJsonString());
    }

    [Theory]
    [InlineData("$.missing")]
    [InlineData("$.meta.missing.cursor")]
    [InlineData("$.items[3]")]
    [InlineData("$.items[-4]")]
    [InlineData("$.id.deeper")]
    [InlineData("$.items.id")]
    [InlineData("$.meta[0]")]
    [InlineData("$.items[0")]
    [InlineData("id")]
    public void Select_reports_not_found_for_a_path_that_names_nothing(string path)
    {
        var node = JsonPath.Select(Document, path, out var found);

        Assert.False(found);
        Assert.Null(node);
    }

    [Fact]
    public void Select_tells_a_json_null_apart_from_a_missing_member()
    {
        var deleted = JsonPath.Select(Document, "$.deleted", out var deletedFound);
        JsonPath.Select(Document, "$.absent", out var absentFound);

        Assert.Null(deleted);
        Assert.True(deletedFound);
        Assert.False(absentFound);
    }
}
