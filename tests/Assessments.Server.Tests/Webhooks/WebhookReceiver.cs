using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assessments.Server.Tests.Webhooks;

/// <summary>
/// A hiring team's receiver on loopback (real Kestrel, real HTTP): answers 500 to the first
/// <paramref name="failuresPerEvent"/> requests for each event id, 200 after that, and keeps every request.
/// </summary>
public sealed class WebhookReceiver(int failuresPerEvent) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _seen = new();
    private WebApplication? _app;

    public ConcurrentQueue<ReceivedWebhook> Requests { get; } = new();

    public string Url { get; private set; } = string.Empty;

    public IReadOnlyList<ReceivedWebhook> Accepted => Requests.Where(r => r.Answered == 200).ToList();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/hooks", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            var eventId = request.Headers["Assessments-Event-Id"].ToString();
            var seen = _seen.AddOrUpdate(eventId, 1, (_, n) => n + 1);
            var status = seen <= failuresPerEvent ? 500 : 200;
            Requests.Enqueue(new ReceivedWebhook(
                eventId, request.Headers["Assessments-Event"].ToString(), request.Headers["Assessments-Signature"].ToString(), body, status, DateTimeOffset.UtcNow));
            return Results.Text(status == 200 ? "thanks" : "not now", statusCode: status);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = $"{address}/hooks";
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
