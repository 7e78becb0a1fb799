using System.Security.Claims;
using System.Text;
using Assessments.Client;
using Assessments.Domain.Scoring;
using Assessments.Server.Audit;
using Assessments.Server.Auth;
using Assessments.Server.Hosting;
using Assessments.Server.Pages;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Assessments.Server.Submissions;

/// <summary>Interviewers' endpoints: list submissions, read reports, override a level with a reason, leave notes.</summary>
public static class SubmissionsApi
{
    public static IEndpointRouteBuilder MapSubmissions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/submissions").WithTags("Submissions").RequireAuthorization(Policies.Staff);
        group.MapGet("/", ListAsync).WithName("ListSubmissions").WithSummary("Lists submissions, newest first, filtered by challenge, state or level.")
            .WithDescription("Staff. Newest first, at most 500, each filter optional: `challenge` (an id), `state` (queued, running, finished, failed) and `level` (not-yet, junior, engineer-ii, senior; an interviewer's override counts over the rubric's level).");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetSubmission").WithSummary("One submission with its grading state and level.")
            .WithDescription("Staff. The submission's grading state, attempts, the rubric's level and score, and an interviewer's override with its reason; 404 for an unknown id.");
        group.MapGet("/{id:guid}/report", ReportJsonAsync).WithName("GetReportJson").WithSummary("The whole report.json of a finished grading.")
            .WithDescription("Staff. The report.json the runner wrote (it follows the published report schema): every check with its evidence, the score card, timings and the sandbox's events. 404 until the grading has finished. A finished report never changes: it carries an ETag and `Cache-Control: private, max-age=300`, and `If-None-Match` with that tag is answered 304 without a body.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").Produces(StatusCodes.Status304NotModified);
        group.MapGet("/{id:guid}/report.html", ReportHtmlAsync).WithName("GetReportHtml").WithSummary("The report as a self-contained HTML page.")
            .WithDescription("Staff. The same report as one HTML page with no external resources, fit to save or attach. 404 until the grading has finished. It is rendered again when an interviewer overrides the level, so it carries an ETag with `Cache-Control: private, no-cache`: `If-None-Match` with a current tag is answered 304 without a body.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html").Produces(StatusCodes.Status304NotModified);
        group.MapPut("/{id:guid}/level", OverrideLevelAsync).WithName("OverrideLevel").WithSummary("Sets an interviewer's level, with a reason, over the rubric's.")
            .WithDescription("Staff. Replaces the level shown for the submission with the interviewer's; the rubric's level stays in the report. `level` must be a level name (any letter case; stored in lower case) and `reason` is required, at most 2,000 characters (400 otherwise). The before and after values go to the audit log.");
        group.MapPost("/{id:guid}/notes", AddNoteAsync).WithName("AddNote").WithSummary("Leaves an interviewer's note on a submission.")
            .WithDescription("Staff. A free-text note of 1 to 10,000 characters, signed with the caller's name; 404 for an unknown submission.");
        group.MapGet("/{id:guid}/notes", NotesAsync).WithName("ListNotes").WithSummary("The notes left on a submission.")
            .WithDescription("Staff. The notes on a submission, oldest first; 404 for an unknown submission.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<SubmissionSummary>>> ListAsync(SubmissionStore store, string? challenge, string? state, string? level, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(challenge, state, LevelNames.TryParse(level?.Trim(), out var parsed) ? parsed.ToName() : level, cancellationToken));

    private static async Task<Results<Ok<SubmissionSummary>, NotFound>> GetAsync(Guid id, SubmissionStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();

    // A cached report is answered from memory with no database trip; authorization has already run
    // for this request (the group's policy), so the cache never decides who may read it.
    private static async Task<Results<ReportBytesResult, StoredReportResult, StatusCodeHttpResult, NotFound>> ReportJsonAsync(
        Guid id, HttpContext http, SubmissionStore store, ReportCache cache, CancellationToken cancellationToken)
    {
        if (cache.Find(id, ReportCache.Form.Json) is { } cached)
        {
            return ReportCaching.IsCurrent(http, cached.EntityTag, ReportCaching.StoredReport) ? ReportCaching.NotModified() : new ReportBytesResult(cached);
        }

        var load = cache.BeginLoad();
        if (await store.ReportVersionAsync(id, cancellationToken) is not { } version)
        {
            return TypedResults.NotFound();
        }

        return ReportCaching.IsCurrent(http, version.JsonTag, ReportCaching.StoredReport)
            ? ReportCaching.NotModified()
            : StoredReportResult.Json(id, new ReportKeeping(cache, id, ReportCache.Form.Json, version.JsonTag, load));
    }

    private static async Task<Results<ReportBytesResult, StoredReportResult, StatusCodeHttpResult, NotFound>> ReportHtmlAsync(
        Guid id, HttpContext http, SubmissionStore store, ReportCache cache, CancellationToken cancellationToken)
    {
        if (cache.Find(id, ReportCache.Form.Html) is { } cached)
        {
            ReportHeaders.Apply(http.Response);
            return ReportCaching.IsCurrent(http, cached.EntityTag, ReportCaching.RenderedReport) ? ReportCaching.NotModified() : new ReportBytesResult(cached);
        }

        var load = cache.BeginLoad();
        if (await store.ReportVersionAsync(id, cancellationToken) is not { } version)
        {
            return TypedResults.NotFound();
        }

        ReportHeaders.Apply(http.Response);
        var tag = version.HtmlTag("page");
        if (ReportCaching.IsCurrent(http, tag, ReportCaching.RenderedReport))
        {
            return ReportCaching.NotModified();
        }

        var keeping = new ReportKeeping(cache, id, ReportCache.Form.Html, tag, load);
        if (await ReportRendering.RenderedAsync(store, version, cancellationToken) is not { } html)
        {
            return StoredReportResult.Html(id, keeping);
        }

        var rendered = Encoding.UTF8.GetBytes(html);
        keeping.Keep(StoredReportResult.HtmlContentType, rendered);
        return new ReportBytesResult(StoredReportResult.HtmlContentType, rendered);
    }

    private static async Task<Results<Ok<SubmissionSummary>, NotFound, ValidationProblem>> OverrideLevelAsync(
        Guid id, LevelOverrideRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, SubmissionStore store, ReportCache reports, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!LevelNames.TryParse(request.Level?.Trim(), out var parsed))
        {
            errors["level"] = ["must be one of not-yet, junior, engineer-ii, senior"];
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = ["an override needs a reason"];
        }
        else if (request.Reason.Trim().Length > InputLimits.OverrideReasonChars)
        {
            errors["reason"] = [$"a reason has at most {InputLimits.OverrideReasonChars:N0} characters"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // Stored as the level's own name, so `?level=senior` finds an override typed as SENIOR.
        var level = parsed.ToName();
        var reason = request.Reason.Trim();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await SubmissionWrites.LockLevelAsync(connection, transaction, id, cancellationToken) is not { } before)
        {
            return TypedResults.NotFound();
        }

        await SubmissionWrites.OverrideLevelAsync(connection, transaction, id, level, reason, user.Name(), cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, user, "level.override", "submission", id.ToString(), before, new { level, setBy = user.Name(), reason }, cancellationToken);
        await Platform.Webhooks.WebhookEvents.RecordLevelOverriddenAsync(connection, transaction, id, level, reason, user.Actor(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // The notification reaches this server too, a moment later; the overrider's next look at report.html must not be that moment.
        reports.Evict(id.ToString());
        return TypedResults.Ok((await store.FindAsync(id, cancellationToken))!);
    }

    private static async Task<Results<Created<SubmissionNote>, NotFound, ValidationProblem>> AddNoteAsync(
        Guid id, NoteRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, SubmissionStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Body) || request.Body.Length > InputLimits.NoteChars)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"a note has 1 to {InputLimits.NoteChars:N0} characters"] });
        }

        if (await store.FindAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var note = await SubmissionWrites.AddNoteAsync(connection, transaction, id, user.Name(), request.Body, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, user, "note.add", "submission", id.ToString(), null, new { note.Id, note.Body }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/submissions/{id}/notes", note);
    }

    private static async Task<Results<Ok<IReadOnlyList<SubmissionNote>>, NotFound>> NotesAsync(Guid id, SubmissionStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is null ? TypedResults.NotFound() : TypedResults.Ok(await store.NotesAsync(id, cancellationToken));
}
