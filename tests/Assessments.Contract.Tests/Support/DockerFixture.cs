using Assessments.Testing.Docker;

namespace Assessments.Contract.Tests.Support;

/// <summary>
/// One Docker connection for the mutation tests. Unlike the integration tests' fixture it reaps nothing
/// at start: other test runs may be grading on the same engine. Each test checks that its own gradings
/// left nothing behind.
/// </summary>
public sealed class DockerFixture() : DockerEngine(reapOrphansAtStart: false);

/// <summary>The mutation test: it builds every mutant in one image, then grades them two at a time.</summary>
[CollectionDefinition(Name)]
public sealed class DockerCollection : ICollectionFixture<DockerFixture>
{
    public const string Name = "contract-docker";
}

/// <summary>
/// A second line beside the mutation test: the reproduction tests grade one mutant at a time and mostly
/// wait on it. In one line they ran after the mutation test, and the project ended last of phase 1.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DockerBesideCollection : ICollectionFixture<DockerFixture>
{
    public const string Name = "contract-docker-beside";
}
