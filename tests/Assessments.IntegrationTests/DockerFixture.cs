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
/// collections in parallel): they mostly wait on containers, so more lines shorten the project's wall time.
/// Tests that measure stay in <see cref="DockerCollection"/>, which phase 2 of scripts/test.sh runs alone.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DockerBesideCollection : ICollectionFixture<DockerFixture>
{
    public const string Name = "docker-beside";
}

/// <summary>
/// A third line, like <see cref="DockerBesideCollection"/>: in a clean-clone run the other projects end
/// after some five minutes and the integration tests' lines went on alone for four more, with a core to
/// spare (their tests wait on containers more than they compute). The lines are balanced by the
/// durations in out/test-logs (the kit starters' checks alone are some five minutes of the first).
/// All of them run at once (AssemblyInfo.cs).
/// </summary>
[CollectionDefinition(Name)]
public sealed class DockerThirdCollection : ICollectionFixture<DockerFixture>
{
    public const string Name = "docker-third";
}

/// <summary>A fourth line, like <see cref="DockerBesideCollection"/>: the platform brought up with docker compose (some five minutes with the other lines beside it), and the operations tests.</summary>
[CollectionDefinition(Name)]
public sealed class DockerFourthCollection : ICollectionFixture<DockerFixture>
{
    public const string Name = "docker-fourth";
}
