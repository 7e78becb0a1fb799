using Assessments.Platform.Workers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assessments.Server.Tests.Support;

/// <summary>The real worker loop (claims, heartbeats, fencing, retries) hosted in the test process around a fake engine.</summary>
public static class InProcessWorker
{
    /// <param name="services">What the real worker host adds beside the engine (its similarity hook, say), registered the same way.</param>
    public static async Task<IHost> StartAsync(
        TestDatabase database, string workerId, IGradingEngine engine, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Assessments"] = database.ConnectionString,
            ["Worker:WorkerId"] = workerId,
            ["Worker:ChallengesPath"] = RepositoryPaths.Challenges,
            ["Worker:PollSeconds"] = "0.05",
            ["Worker:LeaseSeconds"] = "10",
            ["Worker:HeartbeatSeconds"] = "1",
            ["Worker:RetryBaseSeconds"] = "0.3",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddGradingWorker(builder.Configuration);
        builder.Services.AddSingleton(engine);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
