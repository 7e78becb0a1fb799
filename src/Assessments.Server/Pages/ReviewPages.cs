using System.Text;
using Assessments.Server.Audit;
using Assessments.Server.Auth;
using Assessments.Server.Challenges;
using Assessments.Server.Submissions;
using Assessments.Similarity;

namespace Assessments.Server.Pages;

/// <summary>
/// Interviewers' pages: the submissions list, and one submission's review (the report as graded,
/// level override with a reason, notes, audit trail). Overrides and notes are sent by the page's
/// script to the API, so they are validated and audited in one place.
/// </summary>
public static class ReviewPages
{
    public static RouteGroupBuilder MapReviewPages(this RouteGroupBuilder pages)
    {
        var review = pages.MapGroup("/review").RequireAuthorization(Policies.Staff);
        review.MapGet("/", (HttpContext http, SubmissionStore store, PairStore pairs, ChallengeCatalog catalog, string? challenge, string? state, string? level, string? sort, string? kind) =>
            ReviewListPage.RenderAsync(http, store, pairs, catalog, challenge, state, level, sort, kind));
        review.MapGet("/submissions/{id:guid}", SubmissionAsync);
        review.MapGet("/submissions/{id:guid}/report", ReportFrameAsync);
        return pages;
    }

    private static async Task<IResult> SubmissionAsync(Guid id, HttpContext http, SubmissionStore store, PairStore pairs, AuditLog auditLog)
    {
        var cancellationToken = http.RequestAborted;
        if (await store.FindAsync(id, cancellationToken) is not { } s)
        {
            return PageLayout.NotFound(http);
        }

        var notes = await store.NotesAsync(id, cancellationToken);
        var audit = await auditLog.ForSubmissionAsync(id, cancellationToken);
        var report = await ReviewVerdict.ReportAsync(store, id, cancellationToken);
        var who = s.CandidateName ?? "a reference solution";
        var h = new StringBuilder($"<h1>Submission of {Html.E(who)}</h1>");
        h.Append($"<p class=\"muted\" id=\"facts\">{Html.E(s.ChallengeId)} · submitted {Html.When(s.SubmittedAt)} · {s.ArchiveBytes:N0} bytes · ");
        h.Append($"grading {Html.E(s.State)}{(s.ReportStatus is { } rs ? $" ({Html.E(rs)})" : string.Empty)}, attempt {s.Attempts}</p>");

        // The verdict first: what an interviewer came for fits one screen; the details follow.
        h.Append(ReviewVerdict.Render(s, report));
        h.Append(await SimilarityPages.SectionAsync(pairs, id, cancellationToken));
        h.Append("<div class=\"review-actions\">").Append(ReviewForms.Override(s)).Append(ReviewForms.Notes(s.Id, notes)).Append("</div>");

        h.Append("<section aria-labelledby=\"report\"><h2 id=\"report\">The report in full</h2>");
        if (s.ReportStatus is null)
        {
            h.Append("<p>No report yet: the grading has not finished.</p>");
        }
        else
        {
            h.Append($"<p><a href=\"/api/submissions/{s.Id}/report\">report.json</a> · <a href=\"/api/submissions/{s.Id}/report.html\" target=\"_blank\" rel=\"noopener\">open the report on its own</a></p>");
            h.Append($"<iframe id=\"report-frame\" title=\"Graded report\" src=\"/review/submissions/{s.Id}/report\" sandbox=\"allow-same-origin\" data-autoheight></iframe>");
        }

        h.Append("</section>");
        h.Append(ReviewForms.Audit(audit));
        return PageLayout.Page(http, $"Submission of {who}", h.ToString());
    }

    /// <summary>
    /// The stored report.html, framed: the reporting library renders it (every piece of submission
    /// text cleaned and encoded), and the frame is sandboxed without scripts, with a policy that allows
    /// no script, connection or outside resource, should anything ever slip through.
    /// </summary>
    private static async Task<IResult> ReportFrameAsync(Guid id, HttpContext http, SubmissionStore store)
    {
        if (await store.ReportVersionAsync(id, http.RequestAborted) is not { } version)
        {
            return PageLayout.NotFound(http);
        }

        ReportHeaders.Apply(http.Response);
        if (ReportCaching.IsCurrent(http, version.HtmlTag("frame"), ReportCaching.RenderedReport))
        {
            return ReportCaching.NotModified();
        }

        // The page above the frame shows the verdict; the frame holds the details.
        return await ReportRendering.RenderedAsync(store, version, http.RequestAborted, withVerdict: false) is { } html
            ? Results.Content(html, "text/html; charset=utf-8")
            : StoredReportResult.Html(id);
    }
}
