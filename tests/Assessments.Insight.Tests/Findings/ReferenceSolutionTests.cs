using Assessments.Domain.Reports;
using Assessments.Insight.Tests.Support;
using Xunit.Abstractions;

namespace Assessments.Insight.Tests.Findings;

public sealed class ReferenceSolutionTests(ITestOutputHelper output)
{
    public static TheoryData<string> SeniorReferences()
    {
        var data = new TheoryData<string>();
        foreach (var (challenge, _, _) in Repository.References().Where(r => r.Level == "senior"))
        {
            data.Add(challenge);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SeniorReferences))]
    public void A_senior_reference_solution_has_no_high_severity_finding(string challenge)
    {
        var folder = Path.Combine(Repository.Challenges, challenge, "reference", "senior");
        var insight = SubmissionAnalysis.Analyze(folder, InsightLimits.Default with { TimeBudget = TimeSpan.FromMinutes(1) }).Insight;
        foreach (var f in insight.Findings)
        {
            output.WriteLine($"{f.Severity} {f.Rule} {f.File}:{f.Line} {f.Snippet}");
        }

        Assert.True(insight.Analyzed);
        Assert.Equal("semantic", insight.Mode);
        Assert.DoesNotContain(insight.Findings, f => f.Severity == FindingSeverity.High);
    }
}
