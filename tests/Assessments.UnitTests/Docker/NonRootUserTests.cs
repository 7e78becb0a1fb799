using Assessments.Runner.Docker;

namespace Assessments.UnitTests.Docker;

public sealed class NonRootUserTests
{
    private const string Fallback = "65534:65534";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("root")]
    [InlineData("0")]
    [InlineData("0:0")]
    [InlineData("0:1000")]
    [InlineData("app")]
    [InlineData("-1")]
    public void NonRootUser_falls_back_when_the_image_user_is_or_could_be_root(string? configured)
    {
        Assert.Equal(Fallback, ServiceContainer.NonRootUser(configured, Fallback));
    }

    [Theory]
    [InlineData("1654")]
    [InlineData("1000:1000")]
    public void NonRootUser_keeps_a_non_zero_numeric_user(string configured)
    {
        Assert.Equal(configured, ServiceContainer.NonRootUser(configured, Fallback));
    }

    [Fact]
    public void NonRootUser_uses_the_fallback_it_is_given()
    {
        Assert.Equal("1001:1001", ServiceContainer.NonRootUser("root", "1001:1001"));
    }
}
