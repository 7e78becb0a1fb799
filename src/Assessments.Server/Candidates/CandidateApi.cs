using System.Security.Claims;
using Assessments.Client;
using Assessments.Server.Auth;
using Assessments.Server.Challenges;
using Assessments.Platform.Database;
using Assessments.Server.Operations;
using Assessments.Server.Hosting;
using Assessments.Server.Invitations;
using Assessments.Platform.Queue;
using Assessments.Server.Submissions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Assessments.Server.Candidates;

/// <summary>
/// A candidate's endpoints, scoped to the one invitation their token belongs to: the brief, the
/// starter kit, uploads, and the status and candidate-visible feedback of their own submissions.
/// </summary>
public static class CandidateApi
{
    public static IEndpointRouteBuilder MapCandidate(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me").WithTags("Candidate").RequireAuthorization(Policies.Candidate);
        group.MapGet("/", AssignmentAsync).WithName("GetAssignment").WithSummary("The candidate's invitation: challenge and brief.")
            .WithDescription("Candidate token. The invitation the token belongs to: challenge id and title, the brief in Markdown, and when the invitation expires.");
        group.MapGet("/starter", Starter).WithName("DownloadMyStarter").WithSummary("The challenge's starter kit as a zip.")
            .WithDescription("Candidate token. The starter of the invited challenge as a zip: C# by default, or `?language=python`, `go`, `node` or `java` (the languages offered are listed in a 400 answer to any other); 404 when the challenge has none.")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
        group.MapGet("/kit", Kit).WithName("DownloadMyKit").WithSummary("The candidate kit as a zip: brief, contract, starter, visible checks, README.")
            .WithDescription("Candidate token. One zip holding, under a folder named after the challenge: brief.md, openapi.yaml, the starter, CHECKS.md (the visible checks with their points), the files `assess check` reads to run those checks locally, and a README of how the service is built and run (port, environment, memory, CPU, read-only root, no network at build, allowed base images), generated from the runner's own limits. Nothing hidden: no reference solution, hidden check or level gate.")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
        group.MapPost("/submissions", UploadAsync).WithName("UploadSubmission")
            .WithSummary("Uploads a .zip or .tar.gz (the request body, streamed) and queues its grading.")
            .WithDescription("Candidate token. The request body is the archive itself, counted as it streams: 413 past the server's upload limit, 400 naming the reason when the archive is empty, unreadable or unsafe (the intake's limits on paths, links, file counts and sizes), 503 with Retry-After when the grading queue is full, 409 while the candidate's previous submission is still queued or being graded. 202 with the new submission's status and its address otherwise.")
            .Accepts<Stream>("application/octet-stream", "application/zip", "application/gzip")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/submissions", ListAsync).WithName("ListMySubmissions").WithSummary("The candidate's own submissions.")
            .WithDescription("Candidate token. The candidate's submissions in upload order: grading state (queued, running, finished, failed) and, once finished, the report's status. Levels and scores are for the hiring team and are not shown here.");
        group.MapGet("/submissions/{id:guid}", GetAsync).WithName("GetMySubmission").WithSummary("Where the grading of one of the candidate's submissions is.")
            .WithDescription("Candidate token. Poll it after an upload: the grading state (queued, running, finished, failed) and, once finished, the report's status (graded, build_failed, start_failed, rejected). 404 for another candidate's submission.");
        group.MapGet("/submissions/{id:guid}/feedback", FeedbackAsync).WithName("GetFeedback")
            .WithSummary("The candidate-visible part of the report: published checks in full, hidden ones counted per area.")
            .WithDescription("Candidate token. The published checks, failures first, each with its result, message, the points it carries and its evidence (request, response, curl command); the points the published checks earned of those they carry; hidden checks only counted (passed of total) and, per competency, how many failed, so the hidden suite stays hidden. When the service did not build or start, the failure's phase, message and last log lines. 404 for another candidate's submission.");
        return app;
    }

    private static async Task<Results<Ok<CandidateAssignment>, NotFound>> AssignmentAsync(ClaimsPrincipal user, ChallengeCatalog catalog, InvitationStore invitations, CancellationToken cancellationToken)
    {
        if (catalog.Find(user.ChallengeId()) is not { } challenge)
        {
            return TypedResults.NotFound();
        }

        var expires = await invitations.ExpiresAtAsync(user.InvitationId(), cancellationToken);
        return TypedResults.Ok(new CandidateAssignment(user.InvitationId(), user.Name(), challenge.Id, challenge.Title, ChallengeCatalog.Brief(challenge), expires));
    }

    private static Results<FileContentHttpResult, NotFound, ProblemHttpResult> Starter(ClaimsPrincipal user, string? language, ChallengeCatalog catalog) =>
        catalog.Find(user.ChallengeId()) is { } challenge ? StarterZip.For(challenge, language) : TypedResults.NotFound();

    private static Results<FileContentHttpResult, NotFound> Kit(ClaimsPrincipal user, ChallengeCatalog catalog) =>
        catalog.Find(user.ChallengeId()) is { } challenge
            ? TypedResults.File(catalog.Kit(challenge), "application/zip", $"{challenge.Id}-kit.zip")
            : TypedResults.NotFound();

    private static async Task<Results<Accepted<SubmissionStatus>, ProblemHttpResult, Conflict<ProblemDetails>>> UploadAsync(
        HttpContext http,
        ClaimsPrincipal user,
        IOptions<ServerOptions> options,
        NpgsqlDataSource dataSource,
        GradingQueue queue,
        SubmissionStore store,
        PlatformMetrics metrics,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (await queue.CountWaitingAsync(cancellationToken) >= settings.MaxQueueDepth)
        {
            return QueueFull(http, settings, metrics);
        }

        // The upload is counted as it streams, so the server's own limit applies, not Kestrel's default.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = null;
        }

        var upload = await UploadReceiver.ReceiveAsync(http.Request.Body, http.Request.ContentLength, settings.MaxUploadBytes, cancellationToken, UploadName(http.Request));
        if (upload.TooLarge)
        {
            metrics.UploadRefused("too_large");
            return TypedResults.Problem($"The upload is larger than {settings.MaxUploadBytes:N0} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (upload.Rejection is { } reason)
        {
            metrics.UploadRefused("rejected");
            return TypedResults.Problem(reason, title: "The archive was rejected", statusCode: StatusCodes.Status400BadRequest);
        }

        var id = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The check above spares reading a body when the queue is already full; this one, under the
        // queue's admission lock, is the one that holds when many upload at once.
        if (!await GradingQueue.AdmitAsync(connection, transaction, 1, settings.MaxQueueDepth, cancellationToken))
        {
            return QueueFull(http, settings, metrics);
        }

        await SubmissionWrites.InsertCandidateAsync(connection, transaction, id, user.ChallengeId(), user.InvitationId(), upload.Archive!, upload.Sha256!, cancellationToken);

        try
        {
            await GradingQueue.EnqueueAsync(connection, transaction, id, user.InvitationId(), settings.MaxAttempts, cancellationToken);
        }
        catch (PostgresException e) when (e.IsUniqueViolation())
        {
            metrics.UploadRefused("grading_active");
            return TypedResults.Conflict(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "A grading is already under way",
                Detail = "Your previous submission is still queued or being graded; upload again once it has finished.",
            });
        }

        await transaction.CommitAsync(cancellationToken);
        metrics.UploadAccepted();
        var status = SubmissionStore.ToCandidateView((await store.FindAsync(id, cancellationToken))!);
        return TypedResults.Accepted($"/api/me/submissions/{id}", status);
    }

    private static ProblemHttpResult QueueFull(HttpContext http, ServerOptions settings, PlatformMetrics metrics)
    {
        metrics.UploadRefused("queue_full");
        http.Response.Headers.RetryAfter = settings.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem("The grading queue is full; try again later.", statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The file name the page says the candidate chose (<c>X-Upload-Name</c>, URI-encoded), cleaned and bounded; null when absent.</summary>
    private static string? UploadName(HttpRequest request)
    {
        if (request.Headers["X-Upload-Name"].ToString() is not { Length: > 0 } raw)
        {
            return null;
        }

        var name = Path.GetFileName(Uri.UnescapeDataString(raw));
        var clean = new string(name.Where(c => !char.IsControl(c)).Take(120).ToArray());
        return clean.Length > 0 ? clean : null;
    }

    private static async Task<Ok<IReadOnlyList<SubmissionStatus>>> ListAsync(ClaimsPrincipal user, SubmissionStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<SubmissionStatus>>((await store.ListForInvitationAsync(user.InvitationId(), cancellationToken)).Select(SubmissionStore.ToCandidateView).ToList());

    private static async Task<Results<Ok<SubmissionStatus>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, SubmissionStore store, CancellationToken cancellationToken) =>
        await store.FindForInvitationAsync(id, user.InvitationId(), cancellationToken) is { } found
            ? TypedResults.Ok(SubmissionStore.ToCandidateView(found))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<CandidateFeedback>, NotFound>> FeedbackAsync(Guid id, ClaimsPrincipal user, SubmissionStore store, ChallengeCatalog catalog, CancellationToken cancellationToken)
    {
        if (await store.FindForInvitationAsync(id, user.InvitationId(), cancellationToken) is not { } found)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(CandidateFeedbackBuilder.Build(found, await store.ReportJsonAsync(id, cancellationToken), catalog.Find(found.ChallengeId)));
    }
}
