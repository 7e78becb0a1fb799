using Assessments.Domain.Scenarios;
using Assessments.Runner.Checks;

namespace Assessments.UnitTests.Checks;

public sealed class PlaceholdersTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["location"] = "/products/42",
        ["run.id"] = "r1",
    };

    [Theory]
    [InlineData("{{location}}", "/products/42")]
    [InlineData("LAMP-{{run.id}}", "LAMP-r1")]
    [InlineData("{{ location }}?x={{run.id}}", "/products/42?x=r1")]
    [InlineData("{{unknown}}/{{run.id}}", "{{unknown}}/r1")]
    [InlineData("no placeholders", "no placeholders")]
    public void Render_fills_known_names_and_leaves_unknown_ones_visible(string template, string expected)
    {
        Assert.Equal(expected, Placeholders.Render(template, Values));
    }

    [Fact]
    public void NamesIn_lists_every_placeholder_of_a_template()
    {
        Assert.Equal(["cursor", "run.id"], Placeholders.NamesIn("/p?cursor={{cursor}}&r={{ run.id }}&x={{1bad}}"));
        Assert.Empty(Placeholders.NamesIn(null));
    }

    [Theory]
    [InlineData("http://evil.example/x?y=1", "/x?y=1")]
    [InlineData("https://evil.example:8443/products/9", "/products/9")]
    [InlineData("/products/9?expand=true", "/products/9?expand=true")]
    [InlineData("products/9", "/products/9")]
    public void PathOnly_keeps_only_the_path_and_query(string location, string expected)
    {
        Assert.Equal(expected, ScenarioRunner.PathOnly(location));
    }

    [Theory]
    [InlineData("http://evil.example/x")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example/x")]
    [InlineData("\\\\evil.example/x")]
    [InlineData("http://evil.example//other.example/x")]
    [InlineData("ftp://evil.example/x")]
    public void PathOnly_never_lets_a_request_leave_the_service_under_test(string location)
    {
        // given the service the runner sends every request to
        var service = new Uri("http://service:8080/");

        // when a captured Location is followed
        var target = new Uri(service, ScenarioRunner.PathOnly(location));

        // then
        Assert.Equal("service", target.Host);
        Assert.Equal(8080, target.Port);
    }
}
