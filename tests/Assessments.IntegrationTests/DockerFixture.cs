using Assessments.Testing.Docker;

namespace Assessments.IntegrationTests;

/// <summary>
/// One Docker connection for all integration tests; leftovers of earlier runs are removed before they
/// start, since their checks for leftovers count what ended processes left.
/// </summary>
public sealed class DockerFixture() : DockerEngine(reapOrphansAtStart: true);

[CollectionDefinition(Name)]
public sealed class DockerCollection : ICollectionFixture<DockerFixture>
{
    public const string Name = "docker";
}

/// <summary>
/// A second line of tests that do not measure, run beside <see cref="DockerCollection"/> (xUnit runs
/// collections in parallel): they mostly wait on containers, so two lines halve the project's wall time.
/// Tests that measure stay in <see cref="DockerCollection"/>, which phase 2 of scripts/test.sh runs alone.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DockerBesideCollection : ICollectionFixture<DockerFixture>
{
    public const string Name = "docker-beside";
}
