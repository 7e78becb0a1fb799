using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Assessments.Testing;

/// <summary>
/// Kestrel on 127.0.0.1 with a port the system picks, so tests that need a real connection (a browser,
/// a process, a proxy's headers) run side by side without fighting over ports.
/// </summary>
public static class Loopback
{
    public static void Listen(KestrelServerOptions kestrel) => kestrel.Listen(IPAddress.Loopback, 0);

    /// <summary>The address a started server listens on, with the port it was given.</summary>
    public static Uri AddressOf(IServiceProvider services) =>
        new(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    /// <summary>Starts the factory's app on a real loopback port instead of the in-memory test server; answers its address.</summary>
    public static Uri StartOnLoopback<TEntryPoint>(this WebApplicationFactory<TEntryPoint> factory)
        where TEntryPoint : class
    {
        factory.UseKestrel(Listen);
        factory.StartServer();
        return AddressOf(factory.Services);
    }
}
