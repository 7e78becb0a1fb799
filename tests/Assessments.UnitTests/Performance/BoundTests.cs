using Assessments.Domain.Performance;

namespace Assessments.UnitTests.Performance;

public sealed class BoundTests
{
    [Theory]
    [InlineData("<=0.2", 0.2, true)]
    [InlineData("<=0.2", 0.21, false)]
    [InlineData("<1", 1, false)]
    [InlineData(">=3", 3, true)]
    [InlineData("> 3", 3, false)]
    [InlineData("==1", 1, true)]
    public void Holds_compares_as_written(string text, double actual, bool holds)
    {
        Assert.Equal(holds, Bound.Parse(text).Holds(actual));
    }

    [Theory]
    [InlineData("0.2")]
    [InlineData("=<0.2")]
    [InlineData("<= a lot")]
    public void Text_without_a_comparison_is_refused(string text)
    {
        Assert.Throws<FormatException>(() => Bound.Parse(text));
    }
}
