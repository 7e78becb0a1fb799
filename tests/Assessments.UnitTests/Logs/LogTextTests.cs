using Assessments.Domain.Reports;

namespace Assessments.UnitTests.Logs;

public sealed class LogTextTests
{
    [Theory]
    [InlineData("\u001b[1;31mError\u001b[0m: build failed", "Error: build failed")]
    [InlineData("\u001b[38;5;208morange\u001b[39m", "orange")]
    [InlineData("\u001b]0;owned title\u0007after", "after")]
    [InlineData("\u001b]8;;http://evil.example\u001b\\click\u001b]8;;\u001b\\", "click")]
    [InlineData("\u001b[2J\u001b[Hcleared", "cleared")]
    [InlineData("bell\u0007 back\bspace\r null\0", "bell backspace null")]
    [InlineData("keeps\ttabs", "keeps\ttabs")]
    [InlineData("plain <text> & ünïcödé", "plain <text> & ünïcödé")]
    public void Clean_strips_escape_sequences_and_control_characters(string raw, string expected)
    {
        Assert.Equal(expected, LogText.Clean(raw));
    }
}
