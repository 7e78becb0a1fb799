using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.Runner.Docker;

/// <summary>
/// Follows a container's process count while it is graded and keeps the peak. A fork bomb reaches the
/// process limit within a second, but once its forks keep failing the shell gives up and the count
/// falls back: one sample at the end of the grading can miss it, the peak does not.
/// </summary>
internal sealed class ProcessCountWatch : IAsyncDisposable
{
    private static readonly TimeSpan Reopen = TimeSpan.FromMilliseconds(500);

    private readonly CancellationTokenSource _stop;
    private readonly Task _following;
    private readonly string _containerId;
    private long _peak;
    private long _refused;

    private ProcessCountWatch(IDockerClient docker, string containerId, CancellationToken cancellationToken)
    {
        _containerId = containerId;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _following = FollowAsync(docker, containerId, _stop.Token);
    }

    /// <summary>The most processes seen at once so far (0 before the first sample).</summary>
    public long Peak => Interlocked.Read(ref _peak);

    /// <summary>
    /// The most forks the kernel had refused at the limit, as last read while the container ran: a
    /// service that the bomb brought down takes its cgroup (and that counter) with it before the end.
    /// </summary>
    public long Refused => Interlocked.Read(ref _refused);

    public static ProcessCountWatch Start(IDockerClient docker, string containerId, CancellationToken cancellationToken) =>
        new(docker, containerId, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _following;
        _stop.Dispose();
    }

    private async Task FollowAsync(IDockerClient docker, string containerId, CancellationToken cancellationToken)
    {
        var sample = new SynchronousProgress<ContainerStatsResponse>(Record);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                // One sample a second for as long as the container runs; a restart (a kill step) ends the stream.
                await docker.Containers.GetContainerStatsAsync(containerId, new ContainerStatsParameters { Stream = true }, sample, cancellationToken);
                await Task.Delay(Reopen, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DockerApiException or IOException or HttpRequestException)
            {
                // The container is restarting or already gone: what was seen so far stands.
                await Task.Delay(Reopen, CancellationToken.None);
            }
        }
    }

    private void Record(ContainerStatsResponse stats)
    {
        Raise(ref _peak, (long)(stats.PidsStats?.Current ?? 0));
        Raise(ref _refused, RefusedForks.Count(_containerId) ?? 0);
    }

    private static void Raise(ref long highest, long seen)
    {
        for (var known = Interlocked.Read(ref highest); seen > known; known = Interlocked.Read(ref highest))
        {
            if (Interlocked.CompareExchange(ref highest, seen, known) == known)
            {
                return;
            }
        }
    }
}
