namespace Planted.Tests;

public class OrderBookTests
{
    [Fact]
    public void Finds_nothing_in_an_empty_book() => Assert.True(true);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Counts_are_never_negative(int id) => Assert.True(id > 0);

    private static int Helper() => 1;
}
