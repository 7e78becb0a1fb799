using Assessments.Domain.Reports;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.Runner.Docker;

/// <summary>
/// What a container's state, one stats sample and the kernel's pids counter say about the limits it
/// ran into: the process limit reached (a fork bomb), an OOM kill, an exit while it was being graded.
/// </summary>
internal sealed class ContainerHealth(IDockerClient docker)
{
    private static readonly TimeSpan SettleStep = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Inspects the container, first giving a service that is dying a moment to finish dying: a crash
    /// during the last checks (an abort writing its stack trace) would otherwise still look alive.
    /// <paramref name="peakProcesses"/> is the most processes a <see cref="ProcessCountWatch"/> saw at
    /// once, <paramref name="refusedForks"/> the most refused forks it read while the container ran.
    /// </summary>
    public async Task<(ContainerState State, IReadOnlyList<Evidence> Events)> InspectAsync(string id, CancellationToken cancellationToken, TimeSpan settle = default, long peakProcesses = 0, long refusedForks = 0)
    {
        var state = (await docker.Containers.InspectContainerAsync(id, cancellationToken)).State;
        for (var waited = TimeSpan.Zero; state.Running && waited < settle; waited += SettleStep)
        {
            await Task.Delay(SettleStep, cancellationToken);
            state = (await docker.Containers.InspectContainerAsync(id, cancellationToken)).State;
        }

        var events = new List<Evidence>();
        if (state.OOMKilled)
        {
            events.Add(Evidence.Note("the service was killed by the kernel at its memory limit (OOM)"));
        }

        if (state.Running && await PidsAsync(id, cancellationToken) is { Limit: > 0 } pids && Math.Max((long)pids.Current, peakProcesses) is var peak && peak >= (long)pids.Limit)
        {
            events.Add(Evidence.Measurement($"the process limit was reached: {peak} of {pids.Limit} processes at the peak, {pids.Current} at the end", peak, "processes"));
        }
        else if (Math.Max(RefusedForks.Count(id) ?? 0, refusedForks) is var refused && refused > 0)
        {
            events.Add(Evidence.Measurement($"the process limit was reached: the kernel refused {refused} new process(es) at the limit", refused, "refused processes"));
        }

        return (state, events);
    }

    private async Task<PidsStats?> PidsAsync(string id, CancellationToken cancellationToken)
    {
        PidsStats? pids = null;
        await docker.Containers.GetContainerStatsAsync(
            id,
            new ContainerStatsParameters { Stream = false },
            new SynchronousProgress<ContainerStatsResponse>(stats => pids = stats.PidsStats),
            cancellationToken);
        return pids;
    }
}
