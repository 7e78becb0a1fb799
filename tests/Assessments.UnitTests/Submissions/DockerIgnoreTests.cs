using Assessments.Submissions;

namespace Assessments.UnitTests.Submissions;

public sealed class DockerIgnoreTests
{
    private static readonly DockerIgnore Rules = DockerIgnore.Parse("""
        # build output
        bin/

        **/obj
        *.md
        !README.md
        ./secrets
        docs/*.tmp
        """);

    [Theory]
    [InlineData("bin")]
    [InlineData("bin/Debug/app.dll")]
    [InlineData("obj")]
    [InlineData("obj/project.assets.json")]
    [InlineData("src/Api/obj/x.cache")]
    [InlineData("NOTES.md")]
    [InlineData("secrets/key.pem")]
    [InlineData("docs/a.tmp")]
    public void IsExcluded_is_true_for_a_path_a_rule_covers(string path)
    {
        Assert.True(Rules.IsExcluded(path));
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("src/bin/tool.cs")]
    [InlineData("src/NOTES.md")]
    [InlineData("binary.txt")]
    [InlineData("docs/a/b.tmp")]
    [InlineData("Program.cs")]
    [InlineData("# build output")]
    public void IsExcluded_is_false_for_a_path_no_rule_covers_or_a_negation_brings_back(string path)
    {
        Assert.False(Rules.IsExcluded(path));
    }

    [Fact]
    public void IsExcluded_lets_the_last_matching_rule_win()
    {
        var rules = DockerIgnore.Parse("!keep.md\n*.md\n");

        Assert.True(rules.IsExcluded("keep.md"));
    }

    [Fact]
    public void Parse_of_only_comments_and_blank_lines_excludes_nothing()
    {
        var rules = DockerIgnore.Parse("# nothing here\n\n   \n#*\n");

        Assert.False(rules.IsExcluded("anything"));
        Assert.False(DockerIgnore.Empty.IsExcluded("anything"));
    }
}
