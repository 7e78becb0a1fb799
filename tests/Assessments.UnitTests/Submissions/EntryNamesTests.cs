using Assessments.Submissions;

namespace Assessments.UnitTests.Submissions;

public sealed class EntryNamesTests
{
    [Theory]
    [InlineData("src/Program.cs", "src/Program.cs")]
    [InlineData("./Dockerfile", "Dockerfile")]
    [InlineData("src\\Api\\Program.cs", "src/Api/Program.cs")]
    [InlineData("src/", "src/")]
    public void Check_accepts_a_plain_relative_name(string raw, string expected)
    {
        Assert.Equal(expected, EntryNames.Check(raw));
    }

    [Theory]
    [InlineData("../evil", "'..' and empty path segments")]
    [InlineData("src/../../evil", "'..' and empty path segments")]
    [InlineData("src//x", "'..' and empty path segments")]
    [InlineData("/etc/x", "absolute paths")]
    [InlineData("\\etc\\x", "absolute paths")]
    [InlineData("C:/Windows/x", "absolute paths")]
    [InlineData("bad\u001bname", "control characters")]
    public void Check_rejects_a_name_that_could_escape_or_deceive(string raw, string reason)
    {
        var e = Assert.Throws<SubmissionRejectedException>(() => EntryNames.Check(raw));

        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        Assert.Equal(raw, e.Entry);
    }

    [Fact]
    public void Check_rejects_an_empty_or_overlong_name()
    {
        Assert.Throws<SubmissionRejectedException>(() => EntryNames.Check(string.Empty));
        Assert.Throws<SubmissionRejectedException>(() => EntryNames.Check(new string('a', 513)));
    }
}
