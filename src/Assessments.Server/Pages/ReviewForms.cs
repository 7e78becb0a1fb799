using System.Text;
using System.Text.Json;
using Assessments.Client;

namespace Assessments.Server.Pages;

/// <summary>The review page's sections that change or show changes: override, notes, audit trail.</summary>
public static class ReviewForms
{
    public static string Override(SubmissionSummary s)
    {
        var h = new StringBuilder("<section aria-labelledby=\"override\"><h2 id=\"override\">Override the level</h2>");
        h.Append($"<form data-json data-method=\"PUT\" action=\"/api/submissions/{s.Id}/level\" class=\"stack\" id=\"override-form\">");
        h.Append("<label for=\"override-level\">Level</label><select id=\"override-level\" name=\"level\" required>");
        foreach (var level in Levels.All)
        {
            h.Append($"<option value=\"{level}\"{Html.Selected(level == (s.OverrideLevel ?? s.Level))}>{level}</option>");
        }

        h.Append("</select><label for=\"override-reason\">Reason (kept in the audit trail)</label>");
        h.Append("<textarea id=\"override-reason\" name=\"reason\" rows=\"3\" required maxlength=\"2000\"></textarea>");
        h.Append("<button type=\"submit\">Set level</button><p class=\"error\" role=\"alert\" data-errors></p></form></section>");
        return h.ToString();
    }

    public static string Notes(Guid id, IReadOnlyList<SubmissionNote> notes)
    {
        var h = new StringBuilder("<section aria-labelledby=\"notes\"><h2 id=\"notes\">Notes</h2>");
        if (notes.Count == 0)
        {
            h.Append("<p>No notes yet.</p>");
        }
        else
        {
            h.Append("<ul class=\"notes\">");
            foreach (var note in notes)
            {
                h.Append($"<li><p>{Html.E(note.Body)}</p><p class=\"muted\">{Html.E(note.Author)}, {Html.When(note.CreatedAt)}</p></li>");
            }

            h.Append("</ul>");
        }

        h.Append($"<form data-json data-method=\"POST\" action=\"/api/submissions/{id}/notes\" class=\"stack\" id=\"note-form\">");
        h.Append("<label for=\"note-body\">Add a note</label><textarea id=\"note-body\" name=\"body\" rows=\"3\" required maxlength=\"10000\"></textarea>");
        h.Append("<button type=\"submit\">Add note</button><p class=\"error\" role=\"alert\" data-errors></p></form></section>");
        return h.ToString();
    }

    public static string Audit(IReadOnlyList<AuditEntry> entries)
    {
        var h = new StringBuilder("<section aria-labelledby=\"audit\"><h2 id=\"audit\">Audit trail</h2>");
        if (entries.Count == 0)
        {
            return h.Append("<p>No changes yet.</p></section>").ToString();
        }

        h.Append("<div class=\"scroll\"><table id=\"audit-trail\" class=\"reflow\"><caption>Changes to this submission, newest first</caption><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th><th scope=\"col\">What</th><th scope=\"col\">Before</th><th scope=\"col\">After</th></tr></thead><tbody>");
        foreach (var e in entries)
        {
            h.Append($"<tr><td data-label=\"When\">{Html.When(e.At)}</td><td data-label=\"Who\">{Html.E(e.Actor)}</td><td data-label=\"What\">{Html.E(e.Action)}</td>");
            h.Append($"<td data-label=\"Before\">{Json(e.Before)}</td><td data-label=\"After\">{Json(e.After)}</td></tr>");
        }

        return h.Append("</tbody></table></div></section>").ToString();
    }

    /// <summary>Indented, so that a narrow screen wraps it by member rather than one character per line.</summary>
    private static string Json(JsonElement? value) =>
        value is { } v ? $"<pre class=\"json\">{Html.E(JsonSerializer.Serialize(v, Indented))}</pre>" : "—";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
