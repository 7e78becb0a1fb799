using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Assessments.Server.Tests;

/// <summary>
/// The OpenAPI document the server serves is the one committed as src/Assessments.Server/openapi.json
/// (so API changes show in review), it passes Spectral's <c>spectral:oas</c> rules without a single
/// warning (so every operation keeps a description), and the Scalar reference page loads.
/// </summary>
public sealed class OpenApiDocumentTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string RefreshVariable = "ASSESSMENTS_UPDATE_OPENAPI";
    private static readonly string Committed = Path.Combine(RepositoryPaths.ServerProject, "openapi.json");

    private TestDatabase _database = null!;
    private PlatformFactory _server = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("OpenApi");
        _server = new PlatformFactory(_database);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_served_document_matches_the_committed_openapi_json()
    {
        var served = Normalise(await _server.CreateClient().GetStringAsync("/openapi/v1.json"));
        if (Environment.GetEnvironmentVariable(RefreshVariable) == "1")
        {
            await File.WriteAllTextAsync(Committed, served);
        }

        var committed = File.Exists(Committed) ? Normalise(await File.ReadAllTextAsync(Committed)) : "(missing)";
        Assert.True(
            served == committed,
            $"The server's OpenAPI document differs from {Committed}. If the API change is intended, refresh the file with " +
            $"`{RefreshVariable}=1 dotnet test tests/Assessments.Server.Tests --filter OpenApiDocumentTests` and commit it with the change.");
    }

    [Fact]
    public async Task The_committed_document_passes_spectral_oas_without_warnings()
    {
        var root = RepositoryPaths.Root;
        Assert.Equal(0, await RunAsync("bash", [Path.Combine(root, "scripts", "ensure-spectral.sh")], root));
        var spectral = Path.Combine(root, "tools", "spectral", "node_modules", ".bin", "spectral");
        var exit = await RunAsync(spectral, ["lint", Committed, "--ruleset", Path.Combine(RepositoryPaths.ServerProject, ".spectral.yaml"), "--fail-severity", "warn"], root);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task The_scalar_reference_page_loads_and_points_at_the_document()
    {
        var http = _server.CreateClient();
        var response = await http.GetAsync("/scalar/");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("openapi/v1.json", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/openapi/v1.json")).StatusCode);
    }

    private static string Normalise(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    private async Task<int> RunAsync(string file, string[] arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.WriteLine($"{file} {string.Join(' ', arguments)} → {process.ExitCode}\n{await stdout}\n{await stderr}");
        return process.ExitCode;
    }
}
