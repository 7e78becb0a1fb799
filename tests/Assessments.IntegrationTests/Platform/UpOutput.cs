using System.Text.RegularExpressions;

namespace Assessments.IntegrationTests.Platform;

/// <summary>One graded submission as <c>make up</c> lists it under the review page.</summary>
internal sealed record GradedLine(string What, string Level, string Score, string Url);

/// <summary>What <c>make up</c> printed for people to open, read the way a person reads it.</summary>
internal sealed partial record UpOutput(
    string Invitation,
    string SignIn,
    string InterviewerToken,
    string Review,
    IReadOnlyList<GradedLine> Graded,
    string Calibration,
    string ApiReference,
    string? AdminToken)
{
    public static UpOutput Parse(string stdout)
    {
        string Labelled(string label) =>
            Regex.Match(stdout, $@"^  {label} +(\S+)", RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value
                : throw new Xunit.Sdk.XunitException($"make up printed no '{label}' line:\n{stdout}");

        var graded = GradedPattern().Matches(stdout).Select(m => new GradedLine(m.Groups[1].Value.Trim(), m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value)).ToList();
        var admin = Regex.Match(stdout, @"^  Admin token +([A-Za-z0-9_-]{32,})\s*$", RegexOptions.Multiline);
        return new UpOutput(
            Labelled("Candidate"),
            Labelled("Interviewer"),
            Regex.Match(stdout, @"^ +token: (\S+)", RegexOptions.Multiline).Groups[1].Value,
            Labelled("Review page"),
            graded,
            Labelled("Calibration"),
            Labelled("API reference"),
            admin.Success ? admin.Groups[1].Value : null);
    }

    [GeneratedRegex(@"^ {21}(starter kit|senior reference) +(\S+) +(\S+) +(http\S+)$", RegexOptions.Multiline)]
    private static partial Regex GradedPattern();
}
