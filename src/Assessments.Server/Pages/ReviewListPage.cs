using System.Text;
using Assessments.Client;
using Assessments.Domain.Scoring;
using Assessments.Server.Challenges;
using Assessments.Server.Submissions;
using Assessments.Similarity;

namespace Assessments.Server.Pages;

/// <summary>Interviewers' list of submissions: filtered by challenge, state and level (the API's filters), sorted by date or score.</summary>
public static class ReviewListPage
{
    private static readonly string[] States = [SubmissionStates.Queued, SubmissionStates.Running, SubmissionStates.Finished, SubmissionStates.Failed];

    public static async Task<IResult> RenderAsync(
        HttpContext http, SubmissionStore store, PairStore pairs, ChallengeCatalog catalog, string? challenge, string? state, string? level, string? sort, string? kind)
    {
        challenge = Blank(challenge);
        state = Blank(state);
        level = Blank(level);
        kind = Blank(kind) ?? "candidate";
        var rows = (await store.ListAsync(challenge, state, level, http.RequestAborted)).Where(s => kind == "all" || s.Kind == kind);
        rows = sort switch
        {
            "date-asc" => rows.OrderBy(s => s.SubmittedAt),
            "score-desc" => rows.OrderByDescending(s => s.Score ?? -1).ThenByDescending(s => s.SubmittedAt),
            "score-asc" => rows.OrderBy(s => s.Score ?? int.MaxValue).ThenByDescending(s => s.SubmittedAt),
            _ => rows.OrderByDescending(s => s.SubmittedAt),
        };
        var list = rows.ToList();

        var h = new StringBuilder("<h1>Submissions</h1>");
        h.Append("<form method=\"get\" action=\"/review\" class=\"filters\" aria-label=\"Filter and sort\">");
        h.Append(Select("challenge", "Challenge", catalog.All.Select(c => (c.Id, c.Title)), challenge, "any"));
        h.Append(Select("state", "Status", States.Select(s => (s, s)), state, "any"));
        h.Append(Select("level", "Level", Levels.All.Select(l => (l, l)), level, "any"));
        h.Append(Select("kind", "Kind", [("candidate", "candidates"), ("calibration", "calibration set"), ("all", "all")], kind, null));
        h.Append(Select("sort", "Sort by", [("date-desc", "newest first"), ("date-asc", "oldest first"), ("score-desc", "highest score"), ("score-asc", "lowest score")], sort ?? "date-desc", null));
        h.Append("<button type=\"submit\">Apply</button></form>");

        h.Append($"<div class=\"scroll\"><table class=\"list\"><caption>{list.Count} submission{(list.Count == 1 ? string.Empty : "s")}</caption><thead><tr>");
        h.Append("<th scope=\"col\">Submitted</th><th scope=\"col\">Candidate</th><th scope=\"col\">Challenge</th><th scope=\"col\">Status</th><th scope=\"col\">Level</th><th scope=\"col\">Score</th></tr></thead><tbody>");
        var similar = await pairs.CountsAsync(list.Select(s => s.Id).ToList(), http.RequestAborted);
        foreach (var s in list)
        {
            var who = s.CandidateName ?? (s.Kind == "calibration" ? "reference solution" : "—");
            var levelCell = s.OverrideLevel is { } over ? $"{Html.E(over)} <span class=\"muted\">(rubric {Html.E(s.Level)})</span>" : Html.E(s.Level ?? "—");
            h.Append($"<tr><td><a href=\"/review/submissions/{s.Id}\">{Html.When(s.SubmittedAt)}</a></td><td>{Html.E(who)}{SimilarityPages.ListFlag(similar.GetValueOrDefault(s.Id))}</td><td>{Html.E(s.ChallengeId)}</td>");
            h.Append($"<td>{Html.E(s.ReportStatus ?? s.State)}</td><td>{levelCell}</td><td>{(s.Score is { } score ? score.ToString() : "—")}</td></tr>");
        }

        h.Append("</tbody></table></div>");
        return PageLayout.Page(http, "Submissions", h.ToString());
    }

    private static string Select(string name, string label, IEnumerable<(string Value, string Text)> options, string? current, string? anyText)
    {
        var h = new StringBuilder($"<span class=\"field\"><label for=\"f-{name}\">{label}</label><select id=\"f-{name}\" name=\"{name}\">");
        if (anyText is not null)
        {
            h.Append($"<option value=\"\">{anyText}</option>");
        }

        foreach (var (value, text) in options)
        {
            h.Append($"<option value=\"{Html.E(value)}\"{Html.Selected(value == current)}>{Html.E(text)}</option>");
        }

        return h.Append("</select></span>").ToString();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>The level names in ascending order, as the API and reports spell them.</summary>
public static class Levels
{
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<Level>().Select(l => l.ToName()).ToList();
}
