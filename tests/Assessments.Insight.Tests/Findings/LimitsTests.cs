using Assessments.Domain.Reports;
using Assessments.Insight.Sources;

namespace Assessments.Insight.Tests.Findings;

/// <summary>Hostile input: too many files, huge files, code that does not parse or nests absurdly, no time.</summary>
public sealed class LimitsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("insight-limits-").FullName;

    [Fact]
    public void Files_past_the_count_and_size_caps_are_skipped_and_said_so()
    {
        for (var i = 0; i < 5; i++)
        {
            File.WriteAllText(Path.Combine(_folder, $"F{i}.cs"), $"class F{i} {{ }}");
        }

        File.WriteAllText(Path.Combine(_folder, "A-Huge.cs"), "// " + new string('x', 10_000));

        var sources = SourceSet.Read(_folder, InsightLimits.Default with { MaxFiles = 3, MaxFileBytes = 5_000 });

        Assert.Equal(3, sources.CSharp.Count);
        Assert.Contains(sources.LimitsReached, l => l.Contains("A-Huge.cs", StringComparison.Ordinal));
        Assert.Contains(sources.LimitsReached, l => l.Contains("first 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Code_that_does_not_parse_or_nests_absurdly_is_a_finding_not_a_crash()
    {
        File.WriteAllText(Path.Combine(_folder, "Garbage.cs"), "class { ]]] %%% \0\0 void ( {{{{");
        File.WriteAllText(Path.Combine(_folder, "Deep.cs"), "class D { int M() => " + string.Concat(Enumerable.Repeat("(1 + ", 5_000)) + "1" + new string(')', 5_000) + "; }");

        var insight = SubmissionAnalysis.Analyze(_folder, InsightLimits.Default with { TimeBudget = TimeSpan.FromSeconds(30) }).Insight;

        Assert.True(insight.Analyzed);
        Assert.Contains(insight.Findings, f => f.File == "Garbage.cs" && f.Rule == "parse-error" && f.Severity == FindingSeverity.Low);
    }

    [Fact]
    public void A_spent_time_budget_ends_the_analysis_with_a_note_instead_of_running_on()
    {
        for (var i = 0; i < 20; i++)
        {
            File.WriteAllText(Path.Combine(_folder, $"F{i}.cs"), $"class F{i} {{ void M() {{ System.Threading.Thread.Sleep(1); }} }}");
        }

        var insight = SubmissionAnalysis.Analyze(_folder, InsightLimits.Default with { TimeBudget = TimeSpan.Zero }).Insight;

        Assert.NotEmpty(insight.LimitsReached);
        Assert.Contains(insight.LimitsReached, l => l.Contains("budget", StringComparison.Ordinal) || l.Contains("did not finish", StringComparison.Ordinal));
    }

    [Fact]
    public void A_submission_without_csharp_gets_metrics_but_no_findings_and_the_check_is_not_applicable()
    {
        File.WriteAllText(Path.Combine(_folder, "main.go"), "package main");

        var result = SubmissionAnalysis.Analyze(_folder);

        Assert.True(result.Insight.Analyzed);
        Assert.False(result.Insight.FindingsRan);
        Assert.Equal(1, result.Insight.Metrics!.Files);
        var noHigh = Assert.Single(result.Outcomes, o => o.CheckId == "code.no-high-severity-findings");
        Assert.True(noHigh.Passed);
        Assert.Contains("this submission is Go", noHigh.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_submission_in_no_language_insight_reads_is_not_analysed_and_the_check_is_not_applicable()
    {
        File.WriteAllText(Path.Combine(_folder, "main.rs"), "fn main() {}");

        var result = SubmissionAnalysis.Analyze(_folder);

        Assert.False(result.Insight.Analyzed);
        Assert.True(Assert.Single(result.Outcomes, o => o.CheckId == "code.no-high-severity-findings").Passed);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
