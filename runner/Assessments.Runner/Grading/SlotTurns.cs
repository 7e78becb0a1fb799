using Assessments.Domain.Hosts;
using Assessments.Runner.Docker;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.Runner.Grading;

/// <summary>
/// One grading's turns at its slot's <see cref="StageGate"/>, when it holds a seat it may share with
/// other gradings. Between turns the grading runs nothing. A stage that measures takes its turn alone
/// and freezes (<c>docker pause</c>) the containers of the slot's other gradings while it measures, so
/// that a neighbour's service cannot spend the CPU the measurement relies on, whatever it does in the
/// background. Every turn first thaws the grading's own containers: a neighbour that died while
/// measuring cannot leave them frozen. Without a seat (a baseline measured inside another grading's
/// measured stage) it does nothing.
/// </summary>
internal sealed class SlotTurns(IDockerClient docker, SlotLease? seat, string gradingId) : ISlotTurns, IAsyncDisposable
{
    private IDisposable? _turn;
    private IReadOnlyList<string> _frozen = [];

    public Task GiveWayAsync(bool alone, CancellationToken cancellationToken) => NextAsync(alone, cancellationToken);

    /// <summary>Ends the current turn and waits for the next one.</summary>
    /// <param name="alone">For a stage that measures.</param>
    public async Task NextAsync(bool alone, CancellationToken cancellationToken)
    {
        if (seat is null)
        {
            return;
        }

        await EndTurnAsync();
        _turn = await seat.Gate.EnterAsync(alone, cancellationToken);
        await ThawAsync(await ContainersAsync(gradingId, "paused", cancellationToken));
        if (alone)
        {
            var neighbours = new List<string>();
            foreach (var neighbour in seat.Neighbours(gradingId))
            {
                neighbours.AddRange(await ContainersAsync(neighbour, "running", cancellationToken));
            }

            _frozen = await FreezeAsync(neighbours, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await EndTurnAsync();

    private async Task EndTurnAsync()
    {
        await ThawAsync(_frozen);
        _frozen = [];
        _turn?.Dispose();
        _turn = null;
    }

    private async Task<IReadOnlyList<string>> ContainersAsync(string grading, string status, CancellationToken cancellationToken)
    {
        var filter = Labels.Filter(grading);
        filter["status"] = new Dictionary<string, bool> { [status] = true };
        var containers = await docker.Containers.ListContainersAsync(new ContainersListParameters { Filters = filter }, cancellationToken);
        return containers.Select(c => c.ID).ToList();
    }

    private async Task<IReadOnlyList<string>> FreezeAsync(IReadOnlyList<string> containers, CancellationToken cancellationToken)
    {
        var frozen = new List<string>();
        foreach (var id in containers)
        {
            try
            {
                await docker.Containers.PauseContainerAsync(id, cancellationToken);
                frozen.Add(id);
            }
            catch (DockerApiException)
            {
                // Gone or stopped since it was listed: nothing of it runs.
            }
        }

        return frozen;
    }

    private async Task ThawAsync(IReadOnlyList<string> containers)
    {
        foreach (var id in containers)
        {
            try
            {
                // Not the grading's token: a cancelled grading must still thaw what it froze.
                await docker.Containers.UnpauseContainerAsync(id, CancellationToken.None);
            }
            catch (DockerApiException)
            {
                // Removed meanwhile (its grading ended), or thawed already by its own grading.
            }
        }
    }
}
