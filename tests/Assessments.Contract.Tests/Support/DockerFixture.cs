using Assessments.Testing.Docker;

namespace Assessments.Contract.Tests.Support;

/// <summary>
/// One Docker connection for the mutation tests. Unlike the integration tests' fixture it reaps nothing
/// at start: other test runs may be grading on the same engine. Each test checks that its own gradings
/// left nothing behind.
/// </summary>
public sealed class DockerFixture() : DockerEngine(reapOrphansAtStart: false);

/// <summary>The Docker tests of this project run one after another: each builds images on the same two cores.</summary>
[CollectionDefinition(Name)]
public sealed class DockerCollection : ICollectionFixture<DockerFixture>
{
    public const string Name = "contract-docker";
}
