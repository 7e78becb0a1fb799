using System.Net;
using System.Net.Sockets;

namespace Assessments.IntegrationTests.Platform;

/// <summary>
/// scripts/platform-up.sh and platform-down.sh (what <c>make up</c> and <c>make down</c> run), on a
/// spare port with a database and a state folder of their own, against the shared PostgreSQL.
/// </summary>
internal sealed class PlatformScripts
{
    private PlatformScripts(int port, string database, string folder)
    {
        Port = port;
        Database = database;
        Folder = folder;
    }

    public int Port { get; }

    public string Database { get; }

    /// <summary>Where the scripts keep tokens, state, pid files and logs.</summary>
    public string Folder { get; }

    /// <summary>The challenges the server and the worker serve (ASSESS_CHALLENGES); null for the repository's.</summary>
    public string? Challenges { get; init; }

    public static PlatformScripts OnSparePort(string? challenges = null) =>
        new(SparePort(), $"up_test_{Guid.NewGuid():n}"[..24], Path.Combine(Path.GetTempPath(), $"assess-up-{Guid.NewGuid():n}")) { Challenges = challenges };

    public Task<(int ExitCode, string Stdout, string Stderr)> UpAsync() => RunAsync(TimeSpan.FromMinutes(45), "scripts/platform-up.sh");

    public Task<(int ExitCode, string Stdout, string Stderr)> DownAndPurgeAsync() => RunAsync(TimeSpan.FromMinutes(2), "scripts/platform-down.sh", "--purge");

    /// <summary>Runs psql against the shared PostgreSQL (the scripts need it anyway) and returns what it printed.</summary>
    public async Task<string> QueryAsync(string sql)
    {
        var (exit, stdout, stderr) = await RunAsync(TimeSpan.FromSeconds(30), "psql", "-h", "127.0.0.1", "-p", "55432", "-U", "assessments", "-d", "postgres", "-qtAc", sql);
        Assert.True(exit == 0, stderr);
        return stdout.Trim();
    }

    /// <summary>Whether anything still accepts connections on the port.</summary>
    public bool Listening()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan limit, string file, params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASSESS_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ASSESS_DATABASE"] = Database,
            ["ASSESS_PLATFORM_DIR"] = Folder,
            // The configuration these tests were built in (bin/<configuration>/net10.0), which built the server too.
            ["CONFIGURATION"] = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name,
        };
        if (Challenges is not null)
        {
            environment["ASSESS_CHALLENGES"] = Challenges;
        }

        // A relative program path is looked up from this process's folder, not the working directory.
        return ExternalProcess.RunAsync(file.Contains('/', StringComparison.Ordinal) ? Path.Combine(RepositoryPaths.Root, file) : file, args, limit, environment);
    }

    private static int SparePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
