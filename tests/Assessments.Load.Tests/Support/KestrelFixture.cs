namespace Assessments.Load.Tests.Support;

/// <summary>One Kestrel server shared by the acceptance tests, started once.</summary>
public sealed class KestrelFixture : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The test host blocks some pool threads of its own; without spare threads the pool grows
        // only every half second and the generator's self-check rightly reports the wait.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), Math.Max(io, 16));
        Server = await TestServer.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class KestrelCollection : ICollectionFixture<KestrelFixture>
{
    public const string Name = "kestrel";
}
