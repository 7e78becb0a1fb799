using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Assessments.Server.Tests.Webhooks;

/// <summary>
/// A hiring team's receiver on loopback (real Kestrel, real HTTP): answers 500 to the first
/// <paramref name="failuresPerEvent"/> requests for each event id, then as <paramref name="answer"/> says
/// (200 "thanks" unless told otherwise), and keeps every request as it arrives.
/// </summary>
public sealed class WebhookReceiver(int failuresPerEvent, ReceiverAnswer? answer = null) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _seen = new();
    private readonly ReceiverAnswer _answer = answer ?? new ReceiverAnswer();
    private WebApplication? _app;

    public ConcurrentQueue<ReceivedWebhook> Requests { get; } = new();

    public string Url { get; private set; } = string.Empty;

    public int Port { get; private set; }

    public IReadOnlyList<ReceivedWebhook> Accepted => Requests.Where(r => r.Answered == 200).ToList();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(Loopback.Listen);
        _app = builder.Build();
        _app.MapPost("/hooks", async (HttpContext context) =>
        {
            var request = context.Request;
            var body = await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted);
            var eventId = request.Headers["Assessments-Event-Id"].ToString();
            var seen = _seen.AddOrUpdate(eventId, 1, (_, n) => n + 1);
            var answer = seen <= failuresPerEvent ? new ReceiverAnswer(500, Body: "not now") : _answer;
            Requests.Enqueue(new ReceivedWebhook(
                eventId, request.Headers["Assessments-Event"].ToString(), request.Headers["Assessments-Signature"].ToString(), body, answer.Status, DateTimeOffset.UtcNow));
            await answer.WriteAsync(context.Response, context.RequestAborted);
        });
        await _app.StartAsync();
        var address = Loopback.AddressOf(_app.Services);
        Url = new Uri(address, "/hooks").ToString();
        Port = address.Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

public sealed record ReceivedWebhook(string EventId, string EventType, string Signature, string Body, int Answered, DateTimeOffset At);
