namespace Assessments.Domain.Hosts;

/// <summary>
/// Orders the stages of the gradings that share one slot (each on a seat of its own, see
/// <see cref="HostSlots"/>): stages that only wait on the service (build, start, scenarios, contract)
/// run side by side, but a stage that measures latency runs alone. Two lock files make it a
/// readers–writer lock across processes: a measuring stage takes the turnstile exclusively, so that no
/// new stage starts beside it, then the gate exclusively, which it gets once the stages already running
/// have ended; every other stage passes the turnstile (shared) and holds the gate shared.
/// </summary>
public sealed class StageGate
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private readonly string _gate;
    private readonly string _turnstile;

    public StageGate(string gatePath)
    {
        _gate = gatePath;
        _turnstile = gatePath + ".turnstile";
    }

    /// <summary>Waits for the turn of one stage; disposing the result ends it.</summary>
    /// <param name="alone">True for a stage that measures: it waits until no other stage runs, and none starts until it ends.</param>
    public async Task<IDisposable> EnterAsync(bool alone, CancellationToken cancellationToken)
    {
        var turnstile = await FileLock.TakeAsync(_turnstile, alone, Poll, cancellationToken);
        try
        {
            var gate = await FileLock.TakeAsync(_gate, alone, Poll, cancellationToken);
            if (alone)
            {
                return new Turn(gate, turnstile);
            }

            // Past the turnstile: a measuring stage that comes now waits for this one, not the other way round.
            await turnstile.DisposeAsync();
            return new Turn(gate, null);
        }
        catch
        {
            await turnstile.DisposeAsync();
            throw;
        }
    }

    private sealed class Turn(FileStream gate, FileStream? turnstile) : IDisposable
    {
        public void Dispose()
        {
            gate.Dispose();
            turnstile?.Dispose();
        }
    }
}
