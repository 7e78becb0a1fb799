using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Scenarios;
using Assessments.Runner.Grading;

namespace Assessments.Contract.Tests.Fairness;

/// <summary>
/// Fair to idiomatic frameworks: a service built on ASP.NET Core's defaults (415 for a wrong content
/// type, automatic 405 with Allow, the framework's 400 for an unreadable body, ValidationProblem) loses
/// no contract point for those defaults. The real contract stage against a real Kestrel on loopback.
/// </summary>
public sealed class AspNetDefaultsTests
{
    [Fact]
    public async Task A_service_on_aspnet_core_defaults_passes_every_contract_check()
    {
        // given the caching challenge and its contract served by framework defaults
        var challenge = ChallengeLoader.Load(RepositoryPaths.Challenge("caching"));
        await using var service = await AspNetDefaultsService.StartAsync(CancellationToken.None);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };

        // when the contract stage probes it
        var outcomes = await new ContractStage().RunAsync(new ServiceUnderTest(challenge, http, service.Address, 7, null, new GradingArtifacts()), CancellationToken.None);

        // then nothing the framework answered by itself costs a point
        Assert.Equal(ContractChecks.All.Order(), outcomes.Select(o => o.CheckId).Order());
        var failed = outcomes.Where(o => !o.Passed).Select(o => $"{o.CheckId}: {o.Summary} [{string.Join(" | ", o.Evidence.Select(e => e.Summary))}]").ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed));
    }
}
