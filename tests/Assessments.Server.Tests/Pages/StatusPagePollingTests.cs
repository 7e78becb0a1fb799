using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Assessments.Client;

namespace Assessments.Server.Tests.Pages;

/// <summary>
/// A candidate's status page asks after its grading with backoff, not every two seconds for as long as
/// it is open: the page served for a grading under way names what to poll (and a graded one nothing),
/// and the script the server serves, run by Node against a stand-in for the page, waits 2 s, half as
/// long again after each unchanged answer up to 30 s, starts again at 2 s when the state changes, and
/// stops once graded.
/// </summary>
public sealed class StatusPagePollingTests(PlatformSeed seed) : IClassFixture<PlatformSeed>
{
    // The browser's part, stood in for: one status element, fetch answering the given states in turn
    // ('error' for a lost connection), timers run one after the other, and what the page did, printed.
    private const string Harness = """
        const vm = require('vm');
        const fs = require('fs');
        const [scriptPath, answersJson] = process.argv.slice(-2);
        const answers = JSON.parse(answersJson);
        const delays = [];
        const timers = [];
        const listeners = {};
        let reloads = 0;
        const element = { dataset: { poll: '/api/me/submissions/s', state: 'queued' }, textContent: 'queued: waiting for a grader' };
        const document = {
          querySelector: (selector) => (selector === '[data-poll]' ? element : null),
          querySelectorAll: () => [],
          getElementById: () => null,
          addEventListener: (name, listener) => { listeners[name] = listener; },
        };
        const window = { setTimeout: (tick, ms) => { delays.push(ms); timers.push(tick); }, location: { reload: () => { reloads += 1; } } };
        const fetch = async () => {
          const answer = answers.shift();
          if (answer === undefined) throw new Error('polled after the grading was over');
          if (answer === 'error') throw new TypeError('Failed to fetch');
          return { ok: true, json: async () => ({ state: answer }) };
        };
        vm.runInContext(fs.readFileSync(scriptPath, 'utf8'), vm.createContext({ document, window, fetch, history: {}, console }));
        listeners.DOMContentLoaded();
        (async () => {
          while (timers.length > 0) await timers.shift()();
          console.log(JSON.stringify({ delays, reloads, left: answers.length, text: element.textContent }));
        })();
        """;

    [Fact]
    public async Task The_status_page_of_a_grading_under_way_polls_and_a_graded_one_does_not()
    {
        // given
        var invitation = await seed.Factory.ClientFor(seed.InterviewerToken).CreateInvitationAsync(new CreateInvitationRequest("api-design", "Polly"));
        using var archive = new MemoryStream(Archives.Zip(("Dockerfile", Archives.Dockerfile)));
        var id = (await seed.Factory.ClientFor(invitation.Token).UploadSubmissionAsync(archive)).Id;
        using var candidate = seed.Factory.HttpFor(invitation.Token);

        // when / then
        var waiting = await candidate.GetStringAsync($"/candidate/submissions/{id}");
        Assert.Contains($"data-poll=\"/api/me/submissions/{id}\"", waiting, StringComparison.Ordinal);
        await seed.FinishWithReportAsync(id, FakeReports.With(Domain.Reports.ReportStatus.Graded));
        var graded = await candidate.GetStringAsync($"/candidate/submissions/{id}");
        Assert.DoesNotContain("data-poll", graded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_served_script_backs_off_from_2_to_30_seconds_starts_again_on_a_change_and_stops_once_graded()
    {
        // given: the script as the server serves it
        using var http = seed.Factory.CreateClient();
        using var served = await http.GetAsync("/assets/pages.js");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var script = Path.Combine(Path.GetTempPath(), $"pages-{Guid.NewGuid():n}.js");
        await File.WriteAllBytesAsync(script, await served.Content.ReadAsByteArrayAsync());

        try
        {
            // when: eight answers that it is still queued (one of them lost), two that it is running, then graded
            string[] answers = ["queued", "queued", "error", "queued", "queued", "queued", "queued", "queued", "running", "running", "finished"];
            var page = await RunNodeAsync(script, JsonSerializer.Serialize(answers));

            // then
            int[] expected = [2000, 3000, 4500, 6750, 10125, 15188, 22782, 30000, 30000, 2000, 3000];
            Assert.Equal(expected, page.GetProperty("delays").EnumerateArray().Select(d => d.GetInt32()).ToArray());
            Assert.Equal(1, page.GetProperty("reloads").GetInt32());
            Assert.Equal(0, page.GetProperty("left").GetInt32());
            Assert.Equal("being graded", page.GetProperty("text").GetString());
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static async Task<JsonElement> RunNodeAsync(string script, string answers)
    {
        using var process = Process.Start(new ProcessStartInfo("node", ["-e", Harness, "--", script, answers])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"node exited {process.ExitCode}: {await stderr}");
        return JsonDocument.Parse(await stdout).RootElement.Clone();
    }
}
