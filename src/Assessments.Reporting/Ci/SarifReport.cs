using System.Text.Json;
using System.Text.Json.Nodes;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;

namespace Assessments.Reporting.Ci;

/// <summary>
/// report.sarif: the code-insight findings as SARIF 2.1.0, so code-scanning views (GitHub, Azure DevOps,
/// IDEs) show them at their line. One rule per finding kind (id, title, help, default level), one result
/// per finding; when no analyzer ran, the run says why in a notification and has no results.
/// </summary>
public static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Where file locations are relative to: the submission's root folder.</summary>
    public const string SourceRoot = "SUBMISSION";

    public static string Render(GradingReport r)
    {
        var findings = r.Insight?.Findings ?? [];
        var rules = findings.GroupBy(f => f.Rule, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((g, i) => (g.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = "assessments-code-insight",
                    ["version"] = r.Environment.RunnerVersion,
                    ["rules"] = new JsonArray([.. rules.Select(g => Rule(g.First()))]),
                },
            },
            ["originalUriBaseIds"] = new JsonObject
            {
                [SourceRoot] = new JsonObject { ["description"] = new JsonObject { ["text"] = $"The root of the submission '{EvidenceText.Clean(r.Submission.Name)}' (sha256 {r.Submission.Sha256})." } },
            },
            ["invocations"] = new JsonArray(Invocation(r.Insight)),
            ["results"] = new JsonArray([.. findings.Select(f => Result(f, ruleIndex[f.Rule]))]),
            ["properties"] = new JsonObject
            {
                ["challenge"] = r.Challenge.Id,
                ["level"] = r.Level.ToName(),
                ["score"] = r.Score,
            },
        };
        var log = new JsonObject { ["$schema"] = SchemaUri, ["version"] = "2.1.0", ["runs"] = new JsonArray(run) };
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>high → error, medium → warning, low → note.</summary>
    public static string Level(string severity) => severity switch
    {
        FindingSeverity.High => "error",
        FindingSeverity.Medium => "warning",
        _ => "note",
    };

    private static JsonObject Rule(CodeFinding sample) => new()
    {
        ["id"] = sample.Rule,
        ["name"] = PascalCase(sample.Rule),
        ["shortDescription"] = new JsonObject { ["text"] = EvidenceText.Clean(sample.Title) },
        ["fullDescription"] = new JsonObject { ["text"] = EvidenceText.Clean(sample.Why) },
        ["help"] = new JsonObject { ["text"] = $"{EvidenceText.Clean(sample.Title)}: {EvidenceText.Clean(sample.Why)} (competency: {sample.Competency})" },
        ["defaultConfiguration"] = new JsonObject { ["level"] = Level(sample.Severity) },
        ["properties"] = new JsonObject { ["tags"] = new JsonArray(sample.Competency) },
    };

    private static JsonObject Result(CodeFinding f, int ruleIndex) => new()
    {
        ["ruleId"] = f.Rule,
        ["ruleIndex"] = ruleIndex,
        ["level"] = Level(f.Severity),
        ["message"] = new JsonObject { ["text"] = $"{EvidenceText.Clean(f.Title)}: {EvidenceText.Clean(f.Why)}" },
        ["locations"] = new JsonArray(new JsonObject
        {
            ["physicalLocation"] = new JsonObject
            {
                ["artifactLocation"] = new JsonObject { ["uri"] = RelativeUri(f.File), ["uriBaseId"] = SourceRoot },
                ["region"] = new JsonObject
                {
                    ["startLine"] = Math.Max(1, f.Line),
                    ["snippet"] = new JsonObject { ["text"] = EvidenceText.Clean(f.Snippet) },
                },
            },
        }),
    };

    private static JsonObject Invocation(CodeInsight? insight)
    {
        var notes = new JsonArray();
        if (insight is null)
        {
            notes.Add(Note("No code analyzer ran for this grading."));
        }
        else if (!insight.Analyzed)
        {
            notes.Add(Note(insight.Reason ?? "The source was not analyzed."));
        }
        else if (FindingsNote.For(insight) is { } note)
        {
            // An empty result list from a Python submission means "not looked at", not "clean".
            notes.Add(Note(note));
        }

        foreach (var limit in insight?.LimitsReached ?? [])
        {
            notes.Add(Note(limit));
        }

        var invocation = new JsonObject { ["executionSuccessful"] = insight is { Analyzed: true } };
        if (notes.Count > 0)
        {
            invocation["toolExecutionNotifications"] = notes;
        }

        return invocation;
    }

    private static JsonObject Note(string text) => new() { ["level"] = "note", ["message"] = new JsonObject { ["text"] = EvidenceText.Clean(text) } };

    /// <summary>A path inside the submission as a relative URI: forward slashes, each segment escaped.</summary>
    private static string RelativeUri(string path) =>
        string.Join('/', path.Replace('\\', '/').TrimStart('/').Split('/').Select(Uri.EscapeDataString));

    private static string PascalCase(string id) =>
        string.Concat(id.Split('-', '.', '_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
