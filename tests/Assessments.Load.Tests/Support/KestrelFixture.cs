namespace Assessments.Load.Tests.Support;

/// <summary>One Kestrel server shared by the acceptance tests, started once.</summary>
public sealed class KestrelFixture : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestServer.StartAsync(CancellationToken.None);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class KestrelCollection : ICollectionFixture<KestrelFixture>
{
    public const string Name = "kestrel";
}
