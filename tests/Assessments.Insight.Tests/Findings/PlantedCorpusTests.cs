using System.Text.RegularExpressions;
using Assessments.Domain.Reports;
using Assessments.Insight.Sources;
using Assessments.Insight.Tests.Support;
using Xunit.Abstractions;

namespace Assessments.Insight.Tests.Findings;

/// <summary>
/// The planted-smell corpus: a line marked <c>// planted: rule</c> must be reported by that rule at that
/// line; a line marked <c>// not: rule</c> must not be (<c>not: rule(high)</c>: not as high severity).
/// </summary>
public sealed partial class PlantedCorpusTests(ITestOutputHelper output)
{
    private static readonly string[] EverySmellOfTheIssue =
    [
        "sync-over-async", "async-void", "httpclient-per-request", "sql-injection", "secret-in-source", "cancellation-token",
        "swallowed-exception", "thread-sleep", "unsynchronised-shared-collection", "unbounded-cache", "blocking-io-in-async",
    ];

    [Fact]
    public void Every_planted_smell_is_found_at_its_file_and_line()
    {
        var insight = SubmissionAnalysis.Analyze(Repository.Corpus("planted"), Unhurried).Insight;
        Log(insight);
        Assert.Equal("semantic", insight.Mode);
        var missing = Markers("planted").Where(m => !insight.Findings.Any(f => f.Rule == m.Rule && f.File == m.File && f.Line == m.Line)).ToList();
        Assert.True(missing.Count == 0, "not found: " + string.Join("; ", missing));
    }

    [Fact]
    public void The_corpus_plants_every_smell_the_issue_names()
    {
        var planted = Markers("planted").Select(m => m.Rule).ToHashSet();
        Assert.All(EverySmellOfTheIssue, rule => Assert.Contains(rule, planted));
    }

    [Fact]
    public void Look_alike_code_that_is_fine_is_not_reported()
    {
        var insight = SubmissionAnalysis.Analyze(Repository.Corpus("planted"), Unhurried).Insight;
        var wrong = Markers("not")
            .Where(m => insight.Findings.Any(f => f.Rule == m.Rule && f.File == m.File && f.Line == m.Line && (m.Severity is null || f.Severity == m.Severity)))
            .ToList();
        Assert.True(wrong.Count == 0, "reported although fine: " + string.Join("; ", wrong));
    }

    [Fact]
    public void Every_finding_is_one_the_corpus_planted()
    {
        var insight = SubmissionAnalysis.Analyze(Repository.Corpus("planted"), Unhurried).Insight;
        var planted = Markers("planted").Select(m => (m.File, m.Line, m.Rule)).ToHashSet();
        var stray = insight.Findings.Where(f => f.File.EndsWith(".cs", StringComparison.Ordinal) && f.Severity != FindingSeverity.Low && !planted.Contains((f.File, f.Line, f.Rule))).ToList();
        Assert.True(stray.Count == 0, "unplanted: " + string.Join("; ", stray.Select(f => $"{f.Rule} {f.File}:{f.Line}")));
    }

    [Fact]
    public void Without_reference_assemblies_syntax_alone_still_finds_what_names_give_away()
    {
        var sources = SourceSet.Read(Repository.Corpus("planted"), InsightLimits.Default);
        var code = CodeBase.Parse(sources.CSharp, bind: false, CancellationToken.None);
        var findings = Insight.Findings.FindingScanner.Scan(code, sources.Settings, TimeSpan.FromSeconds(30), CancellationToken.None).Findings;

        // Which delegate an async lambda becomes, and whether an interpolated name is a constant, need binding.
        var missing = Markers("planted").Where(m => !findings.Any(f => f.Rule == m.Rule && f.File == m.File && f.Line == m.Line)).ToList();
        Assert.True(missing.Count == 0, "not found by syntax: " + string.Join("; ", missing));
    }

    [Fact]
    public void A_committed_production_password_in_appsettings_is_a_high_severity_finding()
    {
        var insight = SubmissionAnalysis.Analyze(Repository.Corpus("planted"), Unhurried).Insight;
        var finding = Assert.Single(insight.Findings, f => f.File == "src/appsettings.json");
        Assert.Equal(("secret-in-source", 3, FindingSeverity.High), (finding.Rule, finding.Line, finding.Severity));
        Assert.Contains("Password=", finding.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_carries_its_snippet_why_severity_and_competency()
    {
        var insight = SubmissionAnalysis.Analyze(Repository.Corpus("planted"), Unhurried).Insight;
        var sleep = Assert.Single(insight.Findings, f => f.Rule == "thread-sleep");
        Assert.Equal(("src/Program.cs", FindingSeverity.High, "performance"), (sleep.File, sleep.Severity, sleep.Competency));
        Assert.StartsWith("Thread.Sleep(100);", sleep.Snippet, StringComparison.Ordinal);
        Assert.Contains("thread-pool", sleep.Why, StringComparison.Ordinal);
        Assert.All(insight.Findings, f => Assert.Contains(f.Competency, new[] { "code-quality", "security", "performance", "resilience" }));
    }

    /// <summary>What is found must not depend on how busy the test machine is; the budget has its own tests.</summary>
    private static readonly InsightLimits Unhurried = InsightLimits.Default with { TimeBudget = TimeSpan.FromMinutes(1) };

    private void Log(CodeInsight insight)
    {
        foreach (var f in insight.Findings)
        {
            output.WriteLine($"{f.Severity,-6} {f.Rule,-34} {f.File}:{f.Line}  {f.Snippet}");
        }
    }

    private static List<Marker> Markers(string kind)
    {
        var root = Repository.Corpus("planted");
        var markers = new List<Marker>();
        foreach (var path in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match m in MarkerPattern().Matches(lines[i]))
                {
                    if (m.Groups["kind"].Value == kind)
                    {
                        var severity = m.Groups["severity"].Success ? m.Groups["severity"].Value : null;
                        markers.Add(new Marker(Path.GetRelativePath(root, path).Replace('\\', '/'), i + 1, m.Groups["rule"].Value, severity));
                    }
                }
            }
        }

        return markers;
    }

    private sealed record Marker(string File, int Line, string Rule, string? Severity);

    [GeneratedRegex(@"// (?<kind>planted|not): (?<rule>[a-z-]+)(\((?<severity>high|medium|low)\))?")]
    private static partial Regex MarkerPattern();
}
