using Assessments.Server.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Assessments.Server.Tests.Support;

/// <summary>
/// Two servers over one database of their own, as a load balancer would put them; a test starts only
/// once both listen for credential changes, so that what it changes through one is heard by the other.
/// </summary>
public abstract class TwoServersOverOneDatabase(string name) : IAsyncLifetime
{
    /// <summary>Long enough for a notification's trip on a host saturated by the tests beside these, far below the caller cache's 30 s.</summary>
    protected static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(5);

    protected static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    protected TestDatabase Database { get; private set; } = null!;

    protected PlatformFactory A { get; private set; } = null!;

    protected PlatformFactory B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(name);
        A = new PlatformFactory(Database);
        B = new PlatformFactory(Database);
        await ListeningAsync(A);
        await ListeningAsync(B);
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected static CallerCache Cache(PlatformFactory server) => server.Services.GetRequiredService<CallerCache>();

    /// <summary>Starts the server and waits until it listens for credential changes.</summary>
    protected static async Task ListeningAsync(PlatformFactory server)
    {
        _ = server.Server;
        await Eventually.GetAsync(() => Task.FromResult(Cache(server).Listening), l => l, TimeSpan.FromSeconds(10), "the server listening");
    }
}
