using System.Diagnostics;
using Assessments.Client;

namespace Assessments.Server.Tests.Cli;

/// <summary>
/// `assess check --server URL --token T` (issue 20) fetching the candidate's kit from the real server on
/// loopback: the built tool as a process, with Docker pointed at a socket that does not exist, so the
/// check stops right after the kit is fetched, unpacked and loaded (the Docker engine is asked only then)
/// and no grading ever runs. Needs src/Assessments.Cli built in the same configuration.
/// </summary>
public sealed class CheckKitDownloadTests : IAsyncLifetime
{
    private const string NoDockerEngine = "The Docker engine does not answer";

    private TestDatabase _database = null!;
    private PlatformFactory _server = null!;
    private Uri _address = null!;
    private DirectoryInfo _scratch = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("CheckKit");
        _server = new PlatformFactory(_database);
        _address = _server.StartOnLoopback();
        _scratch = Directory.CreateTempSubdirectory("check-kit-");
    }

    public async Task DisposeAsync()
    {
        _scratch.Delete(recursive: true);
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Check_with_a_candidates_token_fetches_and_loads_their_kit_then_removes_it_and_stops_before_grading_without_docker()
    {
        var invitation = await AssessmentsClient.Create(_address, PlatformFactory.AdminToken).CreateInvitationAsync(new CreateInvitationRequest("api-design", "Ada"));

        var (exit, output) = await CheckAsync(invitation.Token);

        // then: past the download and the kit's loading (which would have said so), stopped at Docker, the kit gone
        Assert.True(exit == 2, output);
        Assert.Contains(NoDockerEngine, output, StringComparison.Ordinal);
        Assert.Empty(_scratch.GetDirectories("assess-kit-*"));
    }

    [Theory]
    [InlineData("not-a-token-at-all-but-long-enough-to-look-like-one")]
    [InlineData(PlatformFactory.AdminToken)]
    public async Task Check_with_a_token_that_is_not_a_candidates_is_refused_in_one_sentence_before_docker_is_asked(string token)
    {
        var (exit, output) = await CheckAsync(token);

        Assert.True(exit == 1, output);
        Assert.StartsWith("error:", output.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain(NoDockerEngine, output, StringComparison.Ordinal);
        Assert.Empty(_scratch.GetDirectories("assess-kit-*"));
    }

    private async Task<(int ExitCode, string Output)> CheckAsync(string token)
    {
        var service = _scratch.CreateSubdirectory("service");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _scratch.FullName };
        foreach (var argument in new[] { AssessDll, "check", service.FullName, "--server", _address.ToString().TrimEnd('/'), "--token", token })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("ASSESS_SERVER");
        start.Environment.Remove("ASSESS_TOKEN");
        // Never a grading: the only Docker engine this check can reach is one that is not there.
        start.Environment["DOCKER_HOST"] = $"unix://{Path.Combine(_scratch.FullName, "no-docker.sock")}";
        // The kit is unpacked under the temp folder; a private one shows whether it is removed afterwards.
        start.Environment["TMPDIR"] = _scratch.FullName;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string AssessDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var path = Path.Combine(RepositoryPaths.Root, "src", "Assessments.Cli", "bin", configuration, "net10.0", "assess.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"assess is not built: run `dotnet build src/Assessments.Cli -c {configuration}`.", path);
        }
    }
}
