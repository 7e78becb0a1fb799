using System.Security.Cryptography;
using System.Text;
using Assessments.Reporting;
using Assessments.Reporting.Summary;

namespace Assessments.Server.Submissions;

/// <summary>
/// What a served report depends on, read without its body: the stored report (a row written once
/// when the grading finished and never updated) and, for report.html, the interviewer's override
/// that re-renders it. Its entity tags let a browser revalidate a report for the price of this small
/// read, with no body fetched or rendered.
/// </summary>
public sealed record ReportVersion(
    Guid SubmissionId, DateTimeOffset GradedAt, string? OverrideLevel, string? OverrideBy, string? OverrideReason, DateTimeOffset? OverriddenAt)
{
    // A new build of the reporting library may render the same report differently: a strong tag
    // promises identical bytes, so the renderer's build is part of every report.html's tag.
    private static readonly string Renderer = typeof(HtmlReport).Assembly.ManifestModule.ModuleVersionId.ToString("n");

    public LevelOverride? Override => OverrideLevel is null
        ? null
        : new LevelOverride(OverrideLevel, OverrideBy ?? "an interviewer", OverrideReason ?? string.Empty, OverriddenAt);

    /// <summary>report.json: the stored row alone.</summary>
    public string JsonTag => Tag("json");

    /// <summary>report.html as <paramref name="variant"/> shows it (on its own, framed): the row, the override and the renderer.</summary>
    public string HtmlTag(string variant) =>
        Tag("html", variant, Renderer, OverrideLevel, OverrideBy, OverrideReason, OverriddenAt?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private string Tag(params string?[] parts)
    {
        // Unit separators keep ("ab", "c") and ("a", "bc") apart; the hash keeps override text out of headers.
        var text = string.Join('\u001f', [SubmissionId.ToString("n"), GradedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), .. parts]);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return $"\"{Convert.ToBase64String(hash, 0, 18).Replace('+', '-').Replace('/', '_')}\"";
    }
}
