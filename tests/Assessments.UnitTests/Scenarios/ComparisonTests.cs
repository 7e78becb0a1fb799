using Assessments.Domain.Scenarios;

namespace Assessments.UnitTests.Scenarios;

public sealed class ComparisonTests
{
    [Theory]
    [InlineData("<=1", 1, true)]
    [InlineData("<=1", 2, false)]
    [InlineData("<3", 3, false)]
    [InlineData(">=2", 2, true)]
    [InlineData(">0", 0, false)]
    [InlineData("==1", 1, true)]
    [InlineData("4", 4, true)]
    [InlineData(" <= 0.2 ", 0.2, true)]
    [InlineData("<=0.2", 0.21, false)]
    [InlineData("> 3", 3, false)]
    public void A_comparison_holds_exactly_when_its_operator_says(string text, double actual, bool holds)
    {
        Assert.True(Comparison.TryParse(text, out var comparison));
        Assert.Equal(holds, comparison.Holds(actual));
    }

    [Theory]
    [InlineData("")]
    [InlineData("about 3")]
    [InlineData("=<1")]
    [InlineData("!=1")]
    [InlineData("<= a lot")]
    [InlineData(null)]
    public void Anything_else_is_not_a_comparison(string? text) => Assert.False(Comparison.TryParse(text, out _));

    [Fact]
    public void A_comparison_reads_back_as_authors_write_it() =>
        Assert.Equal("<=0.2", (Comparison.TryParse("<= 0.2", out var c) ? c : null)!.ToString());
}
