using Assessments.Runner.Docker;

namespace Assessments.Runner.Grading;

/// <summary>
/// Waits for the service to answer its readiness path with a 2xx, while watching the container: a
/// service that exits or is killed fails at once instead of after the whole timeout.
/// </summary>
internal sealed class ReadinessProbe(HttpClient http, ServiceContainer containers)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public async Task<ReadinessResult> WaitAsync(string containerId, Uri readinessUrl, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var attempts = 0;
        string lastError = "no attempt was made";
        while (DateTimeOffset.UtcNow - started < timeout)
        {
            var state = (await containers.InspectAsync(containerId, cancellationToken)).State;
            if (!state.Running)
            {
                return ReadinessResult.Exited(state.ExitCode, state.OOMKilled, DateTimeOffset.UtcNow - started);
            }

            attempts++;
            try
            {
                using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, probe.Token);
                using var response = await http.GetAsync(readinessUrl, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                if (response.IsSuccessStatusCode)
                {
                    return ReadinessResult.Ready(DateTimeOffset.UtcNow - started, attempts, (int)response.StatusCode);
                }

                lastError = $"answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                lastError = e.HttpRequestError.ToString();
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastError = "no answer within 2 s";
            }

            await Task.Delay(Interval, cancellationToken);
        }

        return ReadinessResult.TimedOut(timeout, attempts, lastError);
    }
}

public sealed record ReadinessResult(bool IsReady, TimeSpan Elapsed, int Attempts, string Detail, long? ExitCode, bool OomKilled, bool HasExited)
{
    public static ReadinessResult Ready(TimeSpan elapsed, int attempts, int status) =>
        new(true, elapsed, attempts, $"answered {status} after {elapsed.TotalSeconds:0.0} s ({attempts} probe(s))", null, false, false);

    public static ReadinessResult Exited(long exitCode, bool oomKilled, TimeSpan elapsed) =>
        new(false, elapsed, 0, oomKilled ? "the service was killed at its memory limit" : $"the service exited with code {exitCode}", exitCode, oomKilled, true);

    public static ReadinessResult TimedOut(TimeSpan timeout, int attempts, string lastError) =>
        new(false, timeout, attempts, $"the service was not ready within {timeout.TotalSeconds:0} s ({attempts} probe(s), last: {lastError})", null, false, false);
}
