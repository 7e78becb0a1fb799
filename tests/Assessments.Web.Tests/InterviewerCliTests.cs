using Assessments.Client;
using Assessments.Web.Tests.Support;

namespace Assessments.Web.Tests;

/// <summary>
/// `assess` for interviewers against the real server (issue 21, point 6): status and report with an
/// interviewer's token, the submissions list with filters, the invitation link, refusals as one
/// sentence with a hint on 401, and no secret in help.
/// </summary>
public sealed class InterviewerCliTests(WebPlatform platform) : IClassFixture<WebPlatform>
{
    [Fact]
    public async Task An_interviewer_lists_checks_and_fetches_an_overridden_submission_from_the_command_line()
    {
        // given: an interviewer, and a graded submission an admin overrode
        var interviewer = await platform.Admin.CreateUserAsync(new CreateUserRequest("Ida Interviewer", Roles.Interviewer));
        var (_, submission) = await Candidates.WithUploadAsync(platform, "Margaret Hamilton");
        await StoredReports.FinishAsync(platform.Database, submission, InterviewerReports.EngineerII());
        await platform.Admin.OverrideLevelAsync(submission, new LevelOverrideRequest("senior", "Strong design review."));

        // when/then: status works with the interviewer's token and names both levels
        var (statusExit, status) = await AssessCli.RunAsync(platform.BaseAddress, interviewer.Token, "status", submission.ToString());
        Assert.True(statusExit == 0, status);
        Assert.Contains("senior (overridden; rubric engineer-ii)", status, StringComparison.Ordinal);

        // and: the list filters by challenge, final level and state
        var (listExit, list) = await AssessCli.RunAsync(platform.BaseAddress, interviewer.Token, "submissions", "--challenge", "api-design", "--level", "senior", "--state", "finished");
        Assert.True(listExit == 0, list);
        Assert.Contains(submission.ToString(), list, StringComparison.Ordinal);
        var (_, none) = await AssessCli.RunAsync(platform.BaseAddress, interviewer.Token, "submissions", "--level", "junior");
        Assert.DoesNotContain(submission.ToString(), none, StringComparison.Ordinal);

        // and: report writes the files and says the level was overridden, by whom and why
        var folder = Directory.CreateTempSubdirectory("assess-report-").FullName;
        try
        {
            var (reportExit, report) = await AssessCli.RunAsync(platform.BaseAddress, interviewer.Token, "report", submission.ToString(), "--out", folder);
            Assert.True(reportExit == 0, report);
            Assert.Contains("The level was overridden by admin: senior instead of the rubric's engineer-ii, because: Strong design review.", report.ReplaceLineEndings(" "), StringComparison.Ordinal);
            Assert.Contains("data-level=\"senior\"", await File.ReadAllTextAsync(Path.Combine(folder, "report.html")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Invite_prints_the_link_to_send_and_the_link_lets_the_candidate_in()
    {
        var (exit, output) = await AssessCli.RunAsync(platform.BaseAddress, PlatformFactory.AdminToken, "admin", "invite", "--challenge", "api-design", "--candidate", "Dorothy");
        Assert.True(exit == 0, output);
        var link = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith($"{platform.BaseAddress.ToString().TrimEnd('/')}/invite/", StringComparison.Ordinal));
        await using var session = await platform.OpenAsync();
        await session.GoAsync(link);
        await session.Page.ArrivedAtAsync("**/candidate");
    }

    [Fact]
    public async Task Refusals_are_one_sentence_and_a_401_says_how_to_pass_a_token()
    {
        var (unauthorised, text) = await AssessCli.RunAsync(platform.BaseAddress, "not-a-token", "submissions");
        Assert.Equal(1, unauthorised);
        Assert.Contains("--token or $ASSESS_TOKEN", text.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);

        var (invalid, problem) = await AssessCli.RunAsync(platform.BaseAddress, PlatformFactory.AdminToken, "admin", "invite", "--challenge", "no-such-challenge", "--candidate", "X");
        Assert.Equal(1, invalid);
        Assert.Contains("challenge", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("{", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("\"title\"", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_never_prints_the_token_from_the_environment()
    {
        const string Secret = "s3cret-token-value-that-must-not-show";
        foreach (var command in new[] { "status", "report", "submissions", "submit" })
        {
            var (_, help) = await AssessCli.RunAsync(platform.BaseAddress, Secret, command, "--help");
            Assert.Contains("--token", help, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, help, StringComparison.Ordinal);
        }
    }
}
