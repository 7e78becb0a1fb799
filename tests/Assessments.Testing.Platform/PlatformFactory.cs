using Assessments.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Assessments.Testing.Platform;

/// <summary>The real server in process, on its own database, with the bootstrap admin token <see cref="AdminToken"/>.</summary>
public sealed class PlatformFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    // Random, as the server demands of a bootstrap token (made with `openssl rand -base64 32`).
    public const string AdminToken = "gjEFNERRQNbPtZls03CrYyJutsk32Be19xtPnTZpoN4";

    public TestDatabase Database { get; } = database;

    public IAssessmentsApi ClientFor(string? token) => AssessmentsClient.Create(CreateClient(), new Uri("http://localhost"), token);

    public HttpClient HttpFor(string? token)
    {
        var http = CreateClient();
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Assessments", Database.ConnectionString);
        builder.UseSetting("Assessments:BootstrapAdminToken", AdminToken);
        builder.UseSetting("Assessments:ChallengesPath", RepositoryPaths.Challenges);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
