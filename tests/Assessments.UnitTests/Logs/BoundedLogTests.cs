using Assessments.Runner.Logs;

namespace Assessments.UnitTests.Logs;

public sealed class BoundedLogTests
{
    [Fact]
    public void Append_cleans_each_line_as_it_arrives()
    {
        var log = new BoundedLog(1024);

        log.Append("\u001b[32mok\u001b[0m\r\n\u001b]0;title\u0007step 2\n");

        Assert.Equal(["ok", "step 2"], log.Lines);
    }

    [Fact]
    public void Tail_keeps_the_newest_lines_within_the_byte_budget_and_counts_the_dropped_ones()
    {
        // given a 20-byte budget and ten 6-byte lines ("lineN" and its newline)
        var log = new BoundedLog(20);

        // when
        for (var i = 0; i < 10; i++)
        {
            log.Append($"line{i}\n");
        }

        // then
        Assert.Equal(["line7", "line8", "line9"], log.Lines);
        Assert.Equal(7, log.DroppedLines);
        Assert.Equal(60, log.TotalBytesSeen);
    }

    [Fact]
    public void Tail_returns_only_the_last_lines_asked_for()
    {
        var log = new BoundedLog(1024);
        log.Append("a\nb\nc\nd\n");

        Assert.Equal(["c", "d"], log.Tail(2));
    }

    [Fact]
    public void Tail_includes_an_unterminated_last_line()
    {
        var log = new BoundedLog(1024);

        log.Append("first\nsecond, still being writ");
        log.Append("ten\u001b[0m");

        Assert.Equal(["first", "second, still being written"], log.Tail(10));
    }

    [Fact]
    public void Append_caps_an_endless_line_at_the_budget()
    {
        var log = new BoundedLog(16);

        log.Append(new string('x', 10_000));

        Assert.Equal(new string('x', 16), Assert.Single(log.Lines));
        Assert.Equal(10_000, log.TotalBytesSeen);
    }

    [Fact]
    public void Append_ignores_null_and_empty_text()
    {
        var log = new BoundedLog(16);

        log.Append(null);
        log.Append(string.Empty);

        Assert.Empty(log.Lines);
    }
}
