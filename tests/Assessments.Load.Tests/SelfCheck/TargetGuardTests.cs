using Assessments.Load.Dispatch;

namespace Assessments.Load.Tests.SelfCheck;

public sealed class TargetGuardTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/", true)]
    [InlineData("http://127.8.9.10/", true)]
    [InlineData("http://localhost:5000/x", true)]
    [InlineData("http://[::1]:5000/", true)]
    [InlineData("http://10.0.0.5/", false)]
    [InlineData("http://example.test/", false)]
    [InlineData("ftp://127.0.0.1/", false)]
    public void Only_loopback_is_allowed_by_default(string url, bool allowed) =>
        Assert.Equal(allowed, TargetGuard.IsAllowed(new Uri(url), []));

    [Fact]
    public void A_named_host_is_allowed_when_listed() =>
        Assert.True(TargetGuard.IsAllowed(new Uri("http://grading-target:8080/"), ["grading-target"]));
}
