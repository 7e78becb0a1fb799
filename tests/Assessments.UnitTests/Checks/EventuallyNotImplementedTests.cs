using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;
using Assessments.Runner.Checks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Assessments.UnitTests.Checks;

/// <summary>
/// An <c>eventually</c> step polls while waiting can still help: a 503 or a 404 may turn into the
/// expected answer, a 501 Not Implemented never does, so it ends the step at once (a starter's
/// grading no longer waits out a thirty-second budget on it).
/// </summary>
public sealed class EventuallyNotImplementedTests
{
    private static readonly Scenario Settle = new("settle", "No job is left waiting", Visibility.Hidden,
    [
        new RequestStep(
            new RequestTemplate("GET", "/jobs", new Dictionary<string, string>(), null, null),
            new Expectation([200], null, new Dictionary<string, string>(), new Dictionary<string, string>()),
            new Dictionary<string, string>(),
            new Eventually(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200))),
    ]);

    [Fact]
    public async Task A_501_ends_the_wait_at_the_first_answer_and_says_why()
    {
        var calls = 0;
        await using var service = await LoopbackApp.StartAsync(app => app.MapGet("/jobs", () =>
        {
            Interlocked.Increment(ref calls);
            return Results.StatusCode(StatusCodes.Status501NotImplemented);
        }));

        var (outcome, timing) = await RunAsync(service);

        Assert.False(outcome.Passed);
        Assert.Equal(1, calls);
        Assert.Equal(1, Assert.Single(timing.Steps).Attempts);
        Assert.Contains("501 Not Implemented", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_503_is_still_waited_out_until_the_expected_answer()
    {
        var calls = 0;
        await using var service = await LoopbackApp.StartAsync(app => app.MapGet("/jobs", () =>
            Interlocked.Increment(ref calls) < 3 ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Ok(new { items = Array.Empty<object>() })));

        var (outcome, timing) = await RunAsync(service);

        Assert.True(outcome.Passed, outcome.Summary);
        Assert.Equal(3, Assert.Single(timing.Steps).Attempts);
    }

    private static async Task<(CheckOutcome Outcome, ScenarioTiming Timing)> RunAsync(LoopbackApp service)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var recorder = new ExchangeRecorder(http, service.Address, service.Address.Port);
        return await new ScenarioRunner(recorder).RunTimedAsync(Settle, new Dictionary<string, string>(), CancellationToken.None);
    }
}
