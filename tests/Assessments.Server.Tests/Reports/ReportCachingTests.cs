using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Assessments.Client;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Platform.Database;
using Assessments.Server.Tests.Support;

namespace Assessments.Server.Tests.Reports;

/// <summary>
/// A graded report is revalidated, not fetched again: report.json and report.html carry a strong
/// ETag and a private Cache-Control, and a caller presenting the current tag gets 304 without a body.
/// Authentication and authorization come first: the right tag from the wrong caller is still 401 or 403.
/// </summary>
public sealed class ReportCachingTests(PlatformSeed seed) : IClassFixture<PlatformSeed>
{
    private static int _candidates;

    [Fact]
    public async Task A_graded_report_json_carries_a_strong_tag_and_a_private_max_age_and_is_answered_304_when_revalidated()
    {
        // given
        var id = await GradedSubmissionAsync();
        using var interviewer = seed.Factory.HttpFor(seed.InterviewerToken);

        // when
        using var first = await interviewer.GetAsync($"/api/submissions/{id}/report");
        var tag = first.Headers.ETag!;
        using var again = await SendAsync(interviewer, $"/api/submissions/{id}/report", tag.Tag);
        using var weakly = await SendAsync(interviewer, $"/api/submissions/{id}/report", $"W/{tag.Tag}");
        using var other = await SendAsync(interviewer, $"/api/submissions/{id}/report", "\"something-else\"");

        // then
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(tag.IsWeak);
        Assert.True(first.Headers.CacheControl!.Private);
        Assert.Equal(TimeSpan.FromSeconds(300), first.Headers.CacheControl.MaxAge);
        Assert.Equal(await StoredAsync(id, "report::text"), await first.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, again.Headers.ETag);
        Assert.True(again.Headers.CacheControl!.Private);
        Assert.Equal(HttpStatusCode.NotModified, weakly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Report_html_is_revalidated_on_every_use_and_its_tag_changes_when_an_interviewer_overrides_the_level()
    {
        // given
        var id = await GradedSubmissionAsync();
        using var interviewer = seed.Factory.HttpFor(seed.InterviewerToken);
        using var page = await interviewer.GetAsync($"/api/submissions/{id}/report.html");
        using var frame = await interviewer.GetAsync($"/review/submissions/{id}/report");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, frame.StatusCode);
        Assert.True(page.Headers.CacheControl!.Private && page.Headers.CacheControl.NoCache);
        Assert.False(page.Headers.ETag!.IsWeak);
        Assert.NotEqual(page.Headers.ETag, frame.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync(interviewer, $"/api/submissions/{id}/report.html", page.Headers.ETag.Tag)).StatusCode);
        using var frameAgain = await SendAsync(interviewer, $"/review/submissions/{id}/report", frame.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, frameAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync(interviewer, $"/api/submissions/{id}/report", (await interviewer.GetAsync($"/api/submissions/{id}/report")).Headers.ETag!.Tag)).StatusCode);

        // when
        await seed.Factory.ClientFor(seed.InterviewerToken).OverrideLevelAsync(id, new LevelOverrideRequest("senior", "Strong design discussion"));

        // then: both renderings are new, while report.json, which the override does not touch, is still current
        using var overridden = await SendAsync(interviewer, $"/api/submissions/{id}/report.html", page.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.OK, overridden.StatusCode);
        Assert.NotEqual(page.Headers.ETag, overridden.Headers.ETag);
        Assert.Contains("Strong design discussion", await overridden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(interviewer, $"/review/submissions/{id}/report", frame.Headers.ETag.Tag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync(interviewer, $"/api/submissions/{id}/report.html", overridden.Headers.ETag!.Tag)).StatusCode);
    }

    [Fact]
    public async Task The_current_tag_from_a_caller_without_the_right_to_read_the_report_is_still_401_or_403_never_304()
    {
        // given: the tags, as an interviewer's browser holds them
        var id = await GradedSubmissionAsync();
        using var interviewer = seed.Factory.HttpFor(seed.InterviewerToken);
        var paths = new[] { $"/api/submissions/{id}/report", $"/api/submissions/{id}/report.html" };
        var tags = new List<string>();
        foreach (var path in paths)
        {
            tags.Add((await interviewer.GetAsync(path)).Headers.ETag!.Tag);
        }

        using var anonymous = seed.Factory.HttpFor(null);
        using var guesser = seed.Factory.HttpFor("not-a-token-" + Guid.NewGuid().ToString("n"));
        using var candidate = seed.Factory.HttpFor(seed.CandidateA.Token);
        using var browser = BrowserLike.Client(seed.Factory);

        foreach (var (path, tag) in paths.Zip(tags))
        {
            // when / then
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(anonymous, path, tag)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(guesser, path, tag)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(candidate, path, tag)).StatusCode);
        }

        // the framed report sends a browser without a session to sign in
        using var framed = BrowserLike.Get($"/review/submissions/{id}/report");
        framed.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse((await interviewer.GetAsync($"/review/submissions/{id}/report")).Headers.ETag!.Tag));
        using var unsigned = await browser.SendAsync(framed);
        Assert.NotEqual(HttpStatusCode.NotModified, unsigned.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, unsigned.StatusCode);
    }

    [Fact]
    public async Task A_report_still_being_graded_is_404_with_no_tag_and_no_cache_lifetime()
    {
        var id = await UploadAsync();
        using var interviewer = seed.Factory.HttpFor(seed.InterviewerToken);

        foreach (var path in new[] { $"/api/submissions/{id}/report", $"/api/submissions/{id}/report.html", $"/review/submissions/{id}/report" })
        {
            using var response = await SendAsync(interviewer, path, "*");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Null(response.Headers.ETag);
            Assert.Null(response.Headers.CacheControl?.MaxAge);
        }
    }

    [Fact]
    public async Task A_report_of_several_megabytes_streams_out_byte_for_byte_as_stored()
    {
        // given: a report whose failure carries 3 MB of log, with characters beyond ASCII
        var id = await UploadAsync();
        var log = string.Concat(Enumerable.Repeat("line of build output é ✓ 😀\n", 100_000));
        await seed.FinishWithReportAsync(id, FakeReports.With(ReportStatus.BuildFailed, Level.NotYet, 0, log));
        using var interviewer = seed.Factory.HttpFor(seed.InterviewerToken);

        // when
        using var json = await interviewer.GetAsync($"/api/submissions/{id}/report");
        using var html = await interviewer.GetAsync($"/api/submissions/{id}/report.html");

        // then
        var body = await json.Content.ReadAsStringAsync();
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await StoredAsync(id, "report::text"), body);
        Assert.Contains("😀", JsonDocument.Parse(body).RootElement.GetProperty("failure").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("utf-8", html.Content.Headers.ContentType!.CharSet);
        Assert.Equal(await StoredAsync(id, "html"), await html.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await http.SendAsync(request);
    }

    /// <summary>A submission of a candidate of its own (one grading at a time each), still queued.</summary>
    private async Task<Guid> UploadAsync()
    {
        var invitation = await seed.Factory.ClientFor(seed.InterviewerToken)
            .CreateInvitationAsync(new CreateInvitationRequest("api-design", $"Cached {Interlocked.Increment(ref _candidates)}"));
        using var archive = new MemoryStream(Archives.Zip(("Dockerfile", Archives.Dockerfile)));
        return (await seed.Factory.ClientFor(invitation.Token).UploadSubmissionAsync(archive)).Id;
    }

    private async Task<Guid> GradedSubmissionAsync()
    {
        var id = await UploadAsync();
        await seed.FinishWithReportAsync(id, FakeReports.With(ReportStatus.Graded, Level.Junior, 55));
        return id;
    }

    private async Task<string> StoredAsync(Guid id, string column)
    {
        await using var command = seed.Database.DataSource.CreateCommand($"select {column} from reports where submission_id = $1").With(id);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
