using Assessments.Client;
using Assessments.Domain.Scoring;
using Assessments.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assessments.Server.Challenges;

/// <summary>The challenges on offer, for interviewers: list, show (with the brief), download the starter kit.</summary>
public static class ChallengesApi
{
    public static IEndpointRouteBuilder MapChallenges(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/challenges").WithTags("Challenges").RequireAuthorization(Policies.Staff);
        group.MapGet("/", List).WithName("ListChallenges").WithSummary("Every challenge on offer.")
            .WithDescription("Staff (admin or interviewer). Id, version and title of every challenge the server loaded, sorted by id.");
        group.MapGet("/{id}", Get).WithName("GetChallenge").WithSummary("One challenge with its candidate brief.")
            .WithDescription("Staff. The challenge's candidate brief in Markdown and the levels its reference solutions are labelled with; 404 for an unknown id.");
        group.MapGet("/{id}/starter", Starter).WithName("DownloadStarter").WithSummary("The challenge's starter kit as a zip.")
            .WithDescription("Staff. The zip a candidate starts from (a minimal API and a Dockerfile that builds offline): C# by default, or `?language=python`, `go`, `node` or `java`; 400 naming the languages offered for any other; 404 when the challenge has none.")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
        group.MapGet("/{id}/kit", Kit).WithName("DownloadKit").WithSummary("The challenge's candidate kit as a zip.")
            .WithDescription("Staff. Exactly what an invited candidate downloads: brief, contract, starter, the visible checks and the README of how the service is run; 404 for an unknown id.")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
        return app;
    }

    private static Ok<IReadOnlyList<ChallengeSummary>> List(ChallengeCatalog catalog) =>
        TypedResults.Ok<IReadOnlyList<ChallengeSummary>>(catalog.All.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => new ChallengeSummary(c.Id, c.Version, c.Title)).ToList());

    private static Results<Ok<ChallengeDetail>, NotFound> Get(string id, ChallengeCatalog catalog) =>
        catalog.Find(id) is { } c
            ? TypedResults.Ok(new ChallengeDetail(c.Id, c.Version, c.Title, ChallengeCatalog.Brief(c), c.References.Select(r => r.ExpectedLevel.ToName()).Distinct().ToList()))
            : TypedResults.NotFound();

    private static Results<FileContentHttpResult, NotFound> Kit(string id, ChallengeCatalog catalog) =>
        catalog.Find(id) is { } c
            ? TypedResults.File(catalog.Kit(c), "application/zip", $"{c.Id}-kit.zip")
            : TypedResults.NotFound();

    private static Results<FileContentHttpResult, NotFound, ProblemHttpResult> Starter(string id, string? language, ChallengeCatalog catalog) =>
        catalog.Find(id) is { } c ? StarterZip.For(c, language) : TypedResults.NotFound();
}
