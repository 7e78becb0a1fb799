using Assessments.Domain.Challenges.Loading;
using Assessments.Runner.Grading;

namespace Assessments.UnitTests.Grading;

public sealed class ServiceEndpointTests
{
    [Fact]
    public void A_stage_reading_the_service_after_a_restart_gets_the_new_address()
    {
        // given a service first seen at one address
        var challenge = ChallengeLoader.Load(Path.Combine(RepositoryPaths.Root, "challenges", "api-design"));
        using var http = new HttpClient();
        var service = new ServiceUnderTest(challenge, http, new Uri("http://172.30.0.2:8080"), 1, null, new GradingArtifacts());
        var copy = service with { Seed = 2 };

        // when a restart moves it
        service.Endpoint.MoveTo(new Uri("http://172.30.0.3:8080"));

        // then every holder of the service, copies included, reads the new one
        Assert.Equal(new Uri("http://172.30.0.3:8080"), service.BaseAddress);
        Assert.Equal(new Uri("http://172.30.0.3:8080"), copy.BaseAddress);
    }
}
