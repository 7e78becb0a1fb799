using Assessments.Runner.Operations;

namespace Assessments.UnitTests.Operations;

public sealed class StructuredLogVerdictTests
{
    private const string MicrosoftJsonConsole =
        """{"Timestamp":"2026-11-23T17:00:00.000Z","EventId":14,"LogLevel":"Information","Category":"Microsoft.Hosting.Lifetime","Message":"Now listening on: http://[::]:8080"}""";

    [Theory]
    [InlineData(MicrosoftJsonConsole)]
    [InlineData("""{"@t":"2026-11-23T17:00:00Z","@mt":"Handled {Path}","Path":"/products"}""")]
    [InlineData("""{"level":30,"time":1763917200000,"msg":"request completed"}""")]
    [InlineData("""{"timestamp":"2026-11-23T17:00:00Z","level":"info","message":"ready"}""")]
    [InlineData("""  {"ts":"2026-11-23T17:00:00Z","severity":"INFO","msg":"ready"}  """)]
    public void Records_from_common_json_loggers_count_as_structured(string line)
    {
        Assert.Null(StructuredLogVerdict.ProblemWith(line));
    }

    [Theory]
    [InlineData("info: Microsoft.Hosting.Lifetime[14]", "not a JSON object")]
    [InlineData("""{"Timestamp":"2026-11-23T17:00:00Z","Message":"no level"}""", "a JSON object without a level")]
    [InlineData("""{"LogLevel":"Information"}""", "a JSON object without a timestamp, a message")]
    [InlineData("""{"Timestamp": oops""", "not valid JSON")]
    [InlineData("[1, 2]", "not a JSON object")]
    public void Plain_text_and_incomplete_records_are_named_for_what_they_lack(string line, string problem)
    {
        Assert.Equal(problem, StructuredLogVerdict.ProblemWith(line));
    }

    [Fact]
    public void Passes_when_four_of_five_lines_are_structured_and_blank_lines_do_not_count()
    {
        var lines = new[] { MicrosoftJsonConsole, MicrosoftJsonConsole, "", MicrosoftJsonConsole, "Unhandled: something", MicrosoftJsonConsole, "   " };

        var verdict = StructuredLogVerdict.Judge(lines);

        Assert.True(verdict.Passed);
        Assert.Equal(5, verdict.Lines);
        Assert.Equal(4, verdict.Structured);
        Assert.Equal("Unhandled: something", verdict.FirstUnstructured);
    }

    [Fact]
    public void Fails_below_eighty_percent()
    {
        var lines = new[] { MicrosoftJsonConsole, MicrosoftJsonConsole, MicrosoftJsonConsole, "plain", "plain" };

        var verdict = StructuredLogVerdict.Judge(lines);

        Assert.False(verdict.Passed);
        Assert.Equal(0.6, verdict.Share, 3);
    }

    [Fact]
    public void A_service_that_wrote_nothing_fails()
    {
        var verdict = StructuredLogVerdict.Judge(["", "  "]);

        Assert.False(verdict.Passed);
        Assert.Equal(0, verdict.Lines);
    }
}
