using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Scenarios;

namespace Assessments.UnitTests.Scenarios;

public sealed class WaitBudgetTests
{
    private static readonly Expectation Ok = new([200], null, new Dictionary<string, string>(), new Dictionary<string, string>());
    private static readonly RequestTemplate Get = new("GET", "/x", new Dictionary<string, string>(), null, null);

    [Fact]
    public void A_scenarios_wait_budget_adds_its_eventually_timeouts_sleeps_and_response_time_limits()
    {
        var scenario = new Scenario("s", "S", Visibility.Hidden,
        [
            new RequestStep(Get, Ok, new Dictionary<string, string>(), new Eventually(TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(500))),
            new SleepStep(TimeSpan.FromMilliseconds(1500)),
            new RequestStep(Get, Ok with { MaxMs = 2000 }, new Dictionary<string, string>()),
            new RequestStep(Get, Ok, new Dictionary<string, string>()),
        ]);

        Assert.Equal(TimeSpan.FromSeconds(23.5), scenario.WaitBudget);
    }

    [Fact]
    public void The_queues_checks_can_wait_longest_then_the_cachings_then_the_api_designs()
    {
        static TimeSpan Budget(string id) => ChallengeLoader.Load(Path.Combine(RepositoryPaths.Root, "challenges", id)).WaitBudget;

        var (queues, caching, apiDesign) = (Budget("queues"), Budget("caching"), Budget("api-design"));

        Assert.True(queues > caching && caching > apiDesign, $"queues {queues}, caching {caching}, api-design {apiDesign}");
    }
}
