using System.Text;
using Assessments.Client;
using Assessments.Insight.Sources;
using Assessments.Server.Auth;
using Assessments.Server.Challenges;
using Assessments.Server.Submissions;
using Assessments.Similarity;

namespace Assessments.Server.Pages;

/// <summary>
/// Similarity for interviewers: a flagged pair side by side (each matching region's lines on both
/// sides, encoded, readable without script) with the review form, and the flags other pages show.
/// The page says what is shared; whether it was copied is the interviewer's call.
/// </summary>
public static class SimilarityPages
{
    private const int MaxLinesPerRegion = 60;

    public static RouteGroupBuilder MapSimilarityPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/review/similarity/{id:guid}", PairAsync).RequireAuthorization(Policies.Staff);
        return pages;
    }

    /// <summary>The flag on a submission's page: the pairs it is in, each linking to the side-by-side view.</summary>
    public static async Task<string> SectionAsync(PairStore store, Guid submissionId, CancellationToken cancellationToken)
    {
        var pairs = await store.ForSubmissionAsync(submissionId, cancellationToken);
        if (pairs.Count == 0)
        {
            return string.Empty;
        }

        var h = new StringBuilder("<section aria-labelledby=\"similar\" class=\"similar-flag\"><h2 id=\"similar\">Similar work</h2>");
        h.Append("<p>Shares much of its code with the work below once names, layout and comments are set aside. Read them side by side; a flag is not a verdict.</p><ul>");
        foreach (var p in pairs)
        {
            var other = p.B.SubmissionId == submissionId ? p.A : p.B;
            h.Append($"<li><a href=\"/review/similarity/{p.Id}\">{Html.E(SideName(other))}</a> · {p.Similarity:P0} · {Html.E(ReviewText(p))}</li>");
        }

        return h.Append("</ul></section>").ToString();
    }

    /// <summary>A short flag for a row of the review list ("similar: 2 to review").</summary>
    public static string ListFlag((int Unreviewed, int All) counts) =>
        counts.All == 0 ? string.Empty
            : $" <span class=\"badge flag\" title=\"Flagged as similar to other work\">similar{(counts.Unreviewed > 0 ? $": {counts.Unreviewed} to review" : ": reviewed")}</span>";

    private static async Task<IResult> PairAsync(Guid id, HttpContext http, PairStore pairs, SubmissionStore store, ChallengeCatalog catalog)
    {
        var cancellationToken = http.RequestAborted;
        if (await pairs.FindAsync(id, cancellationToken) is not { } pair)
        {
            return PageLayout.NotFound(http);
        }

        var sourcesA = await SourcesAsync(store, catalog, pair.ChallengeId, pair.A, cancellationToken);
        var sourcesB = await SourcesAsync(store, catalog, pair.ChallengeId, pair.B, cancellationToken);
        var h = new StringBuilder($"<h1>Similar work: {Html.E(SideName(pair.A))} and {Html.E(SideName(pair.B))}</h1>");
        h.Append("<dl class=\"facts\">");
        h.Append($"<dt>Challenge</dt><dd>{Html.E(pair.ChallengeId)}</dd>");
        h.Append($"<dt>Similarity</dt><dd><span class=\"badge\" id=\"pair-similarity\">{pair.Similarity:0.00}</span> <span class=\"muted\">share of the smaller side's own code (starter kit excluded) in matching runs; {pair.SharedTokensA:N0} of {pair.TokensA:N0} tokens on the left, {pair.SharedTokensB:N0} of {pair.TokensB:N0} on the right</span></dd>");
        h.Append($"<dt>Review</dt><dd id=\"pair-review\">{Html.E(ReviewText(pair))}{(pair.ReviewNote is { } note ? $": {Html.E(note)}" : string.Empty)}</dd>");
        h.Append($"<dt>Found</dt><dd>{Html.When(pair.FoundAt)}</dd></dl>");
        h.Append("<p class=\"muted\">Matching code is found after identifiers, literals, comments and layout are set aside, so renamed or reformatted copies line up. It is a reason to read both, never a verdict.</p>");

        h.Append($"<section aria-labelledby=\"regions\"><h2 id=\"regions\">Matching regions ({pair.Regions.Count}, longest first)</h2>");
        var number = 0;
        foreach (var region in pair.Regions)
        {
            number++;
            h.Append($"<div class=\"side-by-side\" id=\"region-{number}\">");
            h.Append(Side(SideName(pair.A), region.A, sourcesA));
            h.Append(Side(SideName(pair.B), region.B, sourcesB));
            h.Append("</div>");
        }

        h.Append("</section>");
        h.Append(ReviewForm(pair));
        return PageLayout.Page(http, "Similar work", h.ToString());
    }

    private static string Side(string who, RegionSpan span, IReadOnlyDictionary<string, string[]> sources)
    {
        var h = new StringBuilder("<figure class=\"code-side\">");
        h.Append($"<figcaption>{Html.E(who)}: <code>{Html.E(span.File)}</code> lines {span.StartLine}–{span.EndLine}</figcaption>");
        if (!sources.TryGetValue(span.File, out var lines))
        {
            return h.Append("<p class=\"muted\">This file could not be read any more.</p></figure>").ToString();
        }

        h.Append("<pre><code>");
        var last = Math.Min(span.EndLine, Math.Min(lines.Length, span.StartLine + MaxLinesPerRegion - 1));
        for (var line = span.StartLine; line <= last; line++)
        {
            h.Append($"<mark><span class=\"ln\">{line}</span>{Html.E(lines[line - 1])}</mark>\n");
        }

        if (last < span.EndLine)
        {
            h.Append($"<span class=\"muted\">… {span.EndLine - last} more lines</span>");
        }

        return h.Append("</code></pre></figure>").ToString();
    }

    private static string ReviewForm(SimilarPair pair)
    {
        var h = new StringBuilder("<section aria-labelledby=\"review-pair\"><h2 id=\"review-pair\">Your review</h2>");
        h.Append($"<form data-json data-method=\"PUT\" action=\"/api/similarity/pairs/{pair.Id}/review\" class=\"stack\" id=\"pair-review-form\">");
        h.Append("<label for=\"pair-review-choice\">Conclusion</label><select id=\"pair-review-choice\" name=\"review\" required>");
        h.Append($"<option value=\"independent\"{Html.Selected(pair.Review == PairReviews.Independent)}>reviewed: independent</option>");
        h.Append($"<option value=\"copied\"{Html.Selected(pair.Review == PairReviews.Copied)}>reviewed: copied</option></select>");
        h.Append("<label for=\"pair-review-note\">Note (why; kept in the audit trail)</label>");
        h.Append($"<textarea id=\"pair-review-note\" name=\"note\" rows=\"3\" required maxlength=\"2000\">{Html.E(pair.ReviewNote)}</textarea>");
        h.Append("<button type=\"submit\">Save review</button><p class=\"error\" role=\"alert\" data-errors></p></form></section>");
        return h.ToString();
    }

    /// <summary>One side's source files by path: a submission's from its stored archive, a reference's from the challenge folder.</summary>
    private static async Task<IReadOnlyDictionary<string, string[]>> SourcesAsync(SubmissionStore store, ChallengeCatalog catalog, string challengeId, PairSide side, CancellationToken cancellationToken)
    {
        IReadOnlyList<SourceFile> files = [];
        if (side.SubmissionId is { } submission)
        {
            if (await store.ArchiveAsync(submission, cancellationToken) is { } archive)
            {
                files = SubmissionSources.FromArchive(archive).Files;
            }
        }
        else if (catalog.Find(challengeId)?.References.FirstOrDefault(r => r.Name == side.ReferenceName) is { } reference)
        {
            files = SubmissionSources.FromFolder(reference.Directory).Files;
        }

        return files.ToDictionary(f => f.Path, f => f.Text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray(), StringComparer.Ordinal);
    }

    private static string SideName(PairSide side) =>
        side.ReferenceName is { } reference ? $"reference solution ({reference})" : side.CandidateName ?? "a submission";

    private static string ReviewText(SimilarPair pair) => pair.Review switch
    {
        PairReviews.Independent => $"reviewed: independent ({pair.ReviewedBy})",
        PairReviews.Copied => $"reviewed: copied ({pair.ReviewedBy})",
        _ => "not reviewed yet",
    };
}
