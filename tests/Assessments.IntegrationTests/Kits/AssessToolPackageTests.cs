using System.IO.Compression;

namespace Assessments.IntegrationTests.Kits;

/// <summary>
/// The `assess` tool as a candidate gets it (`make cli`'s .NET tool package): it packs from the build,
/// installs from a local folder feed with `dotnet tool install`, runs, offers `check`, and its package
/// carries no challenge file. (The build output's contents are checked for challenge material by the
/// unit tests; this checks what actually travels.)
/// </summary>
public sealed class AssessToolPackageTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("assess-tool-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task The_tool_package_installs_from_a_folder_feed_runs_and_carries_no_challenge_file()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var feed = Path.Combine(_temp, "feed");
        var tools = Path.Combine(_temp, "tools");

        await DotnetAsync("pack", "src/Assessments.Cli", "-c", configuration, "--no-build", "-o", feed, "--nologo");
        var package = Assert.Single(Directory.GetFiles(feed, "assess.*.nupkg"));
        var install = await DotnetAsync("tool", "install", "assess", "--tool-path", tools, "--add-source", feed);
        var (exit, help, errors) = await ExternalProcess.RunAsync(Path.Combine(tools, "assess"), ["--help"], TimeSpan.FromMinutes(1));

        Assert.Contains("was successfully installed", install, StringComparison.Ordinal);
        Assert.True(exit == 0, help + errors);
        Assert.Contains("check", help, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(package);
        var names = zip.Entries.Select(e => Path.GetFileName(e.FullName)).ToList();
        Assert.Contains("assess.dll", names);
        Assert.DoesNotContain(names, n => n is "scenarios.yaml" or "rubric.yaml" or "challenge.yaml" or "brief.md" or "openapi.yaml");
    }

    private static async Task<string> DotnetAsync(params string[] args)
    {
        var (exit, stdout, stderr) = await ExternalProcess.RunAsync("dotnet", args, TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, $"dotnet {string.Join(' ', args)} exited {exit}:\n{stdout}\n{stderr}");
        return stdout;
    }
}
