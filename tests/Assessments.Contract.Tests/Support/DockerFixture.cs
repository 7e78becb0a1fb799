using Assessments.Runner.Docker;
using Docker.DotNet;

namespace Assessments.Contract.Tests.Support;

/// <summary>
/// One Docker connection for the mutation tests. It insists on a real engine (no skipping) and, unlike
/// the integration tests' fixture, reaps nothing at start: other test runs may be grading on the same
/// engine. Each test checks that its own gradings left nothing behind.
/// </summary>
public sealed class DockerFixture : IAsyncLifetime
{
    public DockerClient Docker { get; } = DockerConnection.Open();

    public async Task InitializeAsync()
    {
        try
        {
            await Docker.System.PingAsync();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException("No Docker engine answers. Start one with `make docker` (scripts/ensure-docker.sh).", e);
        }
    }

    /// <summary>
    /// Removes whatever this grading left behind and says how much that was: zero once a grading has
    /// ended, since the grader's own reaper should already have removed everything.
    /// </summary>
    public Task<int> LeftoversAsync(string gradingId) => new Reaper(Docker).RemoveAsync(gradingId, CancellationToken.None);

    public Task DisposeAsync()
    {
        Docker.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The Docker tests of this project run one after another: each builds images on the same two cores.</summary>
[CollectionDefinition(Name)]
public sealed class DockerCollection : ICollectionFixture<DockerFixture>
{
    public const string Name = "contract-docker";
}
