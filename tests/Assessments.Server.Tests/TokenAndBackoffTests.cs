using Assessments.Platform.Workers;
using Assessments.Server.Auth;

namespace Assessments.Server.Tests;

/// <summary>Pure rules: what a token looks like, and how long a worker waits before retrying a platform fault.</summary>
public sealed class TokenAndBackoffTests
{
    [Fact]
    public void A_token_is_32_random_bytes_in_base64url_and_never_repeats()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => Tokens.New()).ToList();

        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{43}$", t));
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        Assert.Equal(32, Tokens.Hash(tokens[0]).Length);
        Assert.NotEqual(Tokens.Hash(tokens[0]), Tokens.Hash(tokens[1]));
    }

    [Fact]
    public void The_backoff_doubles_per_attempt_up_to_its_cap()
    {
        var options = new WorkerOptions { RetryBaseSeconds = 10, RetryMaxSeconds = 60 };

        Assert.Equal([10, 20, 40, 60, 60], Enumerable.Range(1, 5).Select(a => options.BackoffAfter(a).TotalSeconds));
    }

    [Theory]
    [InlineData(60, 15, true)]
    [InlineData(10, 10, false)]
    [InlineData(0, 1, false)]
    public void A_heartbeat_must_come_before_the_lease_runs_out(double lease, double heartbeat, bool valid)
    {
        var options = new WorkerOptions { LeaseSeconds = lease, HeartbeatSeconds = heartbeat };

        Assert.Equal(valid, options.IsValid(out var problem));
        Assert.Equal(valid, problem is null);
    }
}
