using System.Security.Claims;
using System.Text;
using Assessments.Client;
using Assessments.Domain.Challenges;
using Assessments.Server.Auth;
using Assessments.Server.Candidates;
using Assessments.Server.Challenges;
using Assessments.Server.Invitations;
using Assessments.Server.Submissions;

namespace Assessments.Server.Pages;

/// <summary>
/// A candidate's pages, scoped like the candidate API to the one invitation of their token: the brief,
/// the starter kit, the upload (sent by the page's script to the API with progress), and each
/// submission's status (polled) and candidate-visible feedback.
/// </summary>
public static class CandidatePages
{
    public static RouteGroupBuilder MapCandidatePages(this RouteGroupBuilder pages)
    {
        var candidate = pages.MapGroup("/candidate").RequireAuthorization(Policies.Candidate);
        candidate.MapGet("/", LandingAsync);
        candidate.MapGet("/submissions/{id:guid}", SubmissionAsync);
        return pages;
    }

    private static async Task<IResult> LandingAsync(HttpContext http, ClaimsPrincipal user, ChallengeCatalog catalog, InvitationStore invitations, SubmissionStore store)
    {
        var cancellationToken = http.RequestAborted;
        if (catalog.Find(user.ChallengeId()) is not { } challenge)
        {
            return PageLayout.NotFound(http);
        }

        var (invited, expires) = await invitations.DatesAsync(user.InvitationId(), cancellationToken);
        var submissions = await store.ListForInvitationAsync(user.InvitationId(), cancellationToken);

        var h = new StringBuilder();
        h.Append($"<h1>{Html.E(challenge.Title)}</h1>");
        h.Append($"<p class=\"lead\">Hello {Html.E(user.Name())}. You were invited on {Html.When(invited)}; ");
        h.Append($"you can upload until <strong>{Html.When(expires)}</strong> ({Remaining(expires - DateTimeOffset.UtcNow)} left).</p>");
        h.Append("<section aria-labelledby=\"kit\"><h2 id=\"kit\">Your kit</h2>");
        h.Append($"<p><a class=\"button\" href=\"/api/me/kit\" download=\"{Html.E(challenge.Id)}-kit.zip\">Download the candidate kit (zip)</a></p>");
        h.Append($"<p>One folder with everything you are graded on: the brief, the contract (<code>openapi.yaml</code>), a starter that builds and starts as it is (C#{OtherStarters(challenge)}), ");
        h.Append("the visible checks with their points (<code>CHECKS.md</code>) and a README of how your service is built and run (port, environment, memory, CPU, read-only file system, no network at build). ");
        h.Append("Run the visible checks against your own build before you upload: <code>assess check starter/</code> (see the README). ");
        h.Append(StarterLinks(challenge)).Append("</p></section>");
        h.Append("<section aria-labelledby=\"brief\"><h2 id=\"brief\">The brief</h2><div class=\"brief\">");
        h.Append(MarkdownBrief.ToHtml(ChallengeCatalog.Brief(challenge))).Append("</div></section>");
        h.Append("""
            <section aria-labelledby="upload"><h2 id="upload">Upload your submission</h2>
            <form id="upload-form" action="/api/me/submissions" class="stack">
              <label for="archive">Your service as a .zip or .tar.gz (with its Dockerfile), at most 10 MB</label>
              <input id="archive" name="archive" type="file" accept=".zip,.tar.gz,.tgz,application/zip,application/gzip" required>
              <button type="submit">Upload and grade</button>
              <label for="upload-progress">Upload progress</label>
              <progress id="upload-progress" max="100" value="0">0%</progress>
              <p id="upload-status" role="status" aria-live="polite"></p>
            </form></section>
            """);
        h.Append("<section aria-labelledby=\"mine\"><h2 id=\"mine\">Your submissions</h2>");
        if (submissions.Count == 0)
        {
            h.Append("<p>None yet.</p>");
        }
        else
        {
            h.Append("<p>Your <strong>latest</strong> upload is the one that counts: it is the one your interviewer reviews. You may upload again whenever the previous grading has finished.</p>");
            h.Append("<div class=\"scroll\"><table><caption>Your uploads, oldest first</caption><thead><tr><th scope=\"col\">Uploaded</th><th scope=\"col\">Size</th><th scope=\"col\">Status</th></tr></thead><tbody>");
            var latest = submissions.MaxBy(s => s.SubmittedAt)!.Id;
            foreach (var s in submissions)
            {
                var counts = s.Id == latest ? " <strong class=\"counts\">(counts)</strong>" : string.Empty;
                h.Append($"<tr><td><a href=\"/candidate/submissions/{s.Id}\">{Html.When(s.SubmittedAt)}</a>{counts}</td><td>{s.ArchiveBytes:N0} bytes</td><td>{Html.E(StatusText(s.State, s.ReportStatus))}</td></tr>");
            }

            h.Append("</tbody></table></div>");
        }

        h.Append("</section>");
        return PageLayout.Page(http, challenge.Title, h.ToString());
    }

    private static async Task<IResult> SubmissionAsync(Guid id, HttpContext http, ClaimsPrincipal user, SubmissionStore store, ChallengeCatalog catalog)
    {
        if (await store.FindForInvitationAsync(id, user.InvitationId(), http.RequestAborted) is not { } submission)
        {
            return PageLayout.NotFound(http);
        }

        var h = new StringBuilder();
        h.Append("<h1>Your submission</h1>");
        h.Append($"<p>Uploaded {Html.When(submission.SubmittedAt)} · {submission.ArchiveBytes:N0} bytes</p>");
        var done = submission.State is SubmissionStates.Finished or SubmissionStates.Failed;
        h.Append($"<p class=\"state\">Status: <strong id=\"grading-state\" role=\"status\" aria-live=\"polite\" data-state=\"{Html.E(submission.State)}\"");
        h.Append(done ? string.Empty : $" data-poll=\"/api/me/submissions/{submission.Id}\"");
        h.Append($">{Html.E(StatusText(submission.State, submission.ReportStatus))}</strong></p>");
        if (done)
        {
            var feedback = CandidateFeedbackBuilder.Build(submission, await store.ReportJsonAsync(id, http.RequestAborted), catalog.Find(submission.ChallengeId));
            h.Append(CandidateFeedbackView.Render(feedback));
        }
        else
        {
            h.Append("<p class=\"muted\">This page updates by itself while your service is built and checked; that takes a minute or two.</p>");
        }

        h.Append("<p><a href=\"/candidate\">Back to your assessment</a></p>");
        return PageLayout.Page(http, "Your submission", h.ToString());
    }

    public static string StatusText(string state, string? reportStatus) => (state, reportStatus) switch
    {
        (SubmissionStates.Queued, _) => "queued: waiting for a grader",
        (SubmissionStates.Running, _) => "being graded",
        (SubmissionStates.Failed, _) => "not graded: the platform failed (this is not held against you; we will retry)",
        (_, "graded") => "graded",
        (_, "build_failed") => "graded: the service did not build",
        (_, "start_failed") => "graded: the service did not start",
        (_, "rejected") => "rejected: the archive was refused",
        _ => state,
    };

    /// <summary>The starter alone, in each language it is offered in.</summary>
    private static string StarterLinks(Challenge challenge)
    {
        var links = challenge.StarterLanguages.Select(l => l == StarterLanguage.Default
            ? $"<a href=\"/api/me/starter\" download=\"{Html.E(challenge.Id)}-starter.zip\">C#</a>"
            : $"<a href=\"/api/me/starter?language={Html.E(l)}\" download=\"{Html.E(challenge.Id)}-starter-{Html.E(l)}.zip\">{Html.E(LanguageName(l))}</a>").ToList();
        return links.Count == 0 ? string.Empty : $"The starter alone: {string.Join(", ", links)}.";
    }

    /// <summary>", and under starters/ the same in Go, Java, Node.js and Python": read from the challenge's folders, so a new language shows up by itself.</summary>
    private static string OtherStarters(Challenge challenge)
    {
        var names = challenge.StarterLanguages.Where(l => l != StarterLanguage.Default).Select(LanguageName).ToList();
        if (names.Count == 0)
        {
            return string.Empty;
        }

        var list = names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
        return $", and under <code>starters/</code> the same in {list}";
    }

    private static string LanguageName(string language) => language switch
    {
        "python" => "Python",
        "go" => "Go",
        "node" => "Node.js",
        "java" => "Java",
        _ => language,
    };

    private static string Remaining(TimeSpan left) =>
        left <= TimeSpan.Zero ? "no time" : left.TotalHours >= 48 ? $"{(int)left.TotalDays} days" : $"{(int)left.TotalHours} hours {left.Minutes} minutes";
}
