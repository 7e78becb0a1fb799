namespace Assessments.Upstream;

/// <summary>One quiet web application on one port: two of them keep control calls off the data port.</summary>
public static class Plane
{
    public static WebApplication Create(string[] args, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(port));
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    public static int Port(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var port) && port is > 0 and < 65536 ? port : fallback;
}
