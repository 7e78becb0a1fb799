using Assessments.Load.Measurement;
using Assessments.Load.Model;

namespace Assessments.Load.Dispatch;

/// <summary>
/// Opens the connections before the clock starts: as many concurrent requests as connections make
/// the handler open one each, so connect time never lands in the first second's latency.
/// </summary>
public static class ConnectionWarmer
{
    public static async Task WarmAsync(HttpTransport transport, HttpRequestTemplate request, CancellationToken cancellationToken)
    {
        // A safe method, whatever the step does, so warming never creates data in the service.
        var probe = new HttpRequestTemplate(request.Method == HttpMethod.Get ? HttpMethod.Get : HttpMethod.Head, request.Uri);
        var wireForm = transport.WireFormOf(probe);
        var attempts = Enumerable.Range(0, transport.Connections).Select(async _ =>
        {
            try
            {
                using var response = await transport.ExchangeAsync(probe, wireForm, keepBody: false, int.MaxValue, Clock.Now, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or System.Net.Sockets.SocketException or TimeoutException)
            {
                // A refused or failing target shows up in the measured run with its own error kind.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
        });
        await Task.WhenAll(attempts);
    }
}
