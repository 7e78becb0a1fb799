namespace Assessments.Domain.Hosts;

/// <summary>
/// Orders the stages of the gradings that share one slot (each on a seat of its own, see
/// <see cref="HostSlots"/>): stages that only wait on the service (build, start, scenarios, contract)
/// run side by side, but a stage that measures latency runs alone. Two lock files make it a
/// readers–writer lock across processes: a measuring stage takes the turnstile exclusively, so that no
/// new stage starts beside it, then the gate exclusively, which it gets once the stages already running
/// have ended; every other stage passes the turnstile (shared) and holds the gate shared.
/// A stage under way may be long (a scenario that waits out a 45 s <c>eventually</c> on a service that
/// lost its jobs), and a closed turnstile would keep every other grading of the slot idle behind it. So
/// a measuring stage that has not had the gate within its patience opens the turnstile again for as
/// long, lets the others run a stage each, and closes it once more; it still runs alone, only later.
/// </summary>
public sealed class StageGate
{
    /// <summary>
    /// <c>ASSESS_GATE_PATIENCE_MS</c>: a measuring stage's patience (3000 unless set; 0 keeps the others
    /// out until it has the gate, however long the stages under way take).
    /// </summary>
    public const string PatienceVariable = "ASSESS_GATE_PATIENCE_MS";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private readonly string _gate;
    private readonly string _turnstile;
    private readonly TimeSpan? _patience;

    /// <param name="gatePath">The gate's lock file; the turnstile is its <c>.turnstile</c> sibling.</param>
    /// <param name="patience">How long a measuring stage keeps the others out while it waits; null: until it has the gate.</param>
    public StageGate(string gatePath, TimeSpan? patience)
    {
        _gate = gatePath;
        _turnstile = gatePath + ".turnstile";
        _patience = patience;
    }

    public static StageGate FromEnvironment(string gatePath) =>
        new(gatePath, int.TryParse(Environment.GetEnvironmentVariable(PatienceVariable), out var ms) && ms >= 0
            ? ms == 0 ? null : TimeSpan.FromMilliseconds(ms)
            : TimeSpan.FromSeconds(3));

    /// <summary>Waits for the turn of one stage; disposing the result ends it.</summary>
    /// <param name="alone">True for a stage that measures: it waits until no other stage runs, and none starts until it ends.</param>
    public async Task<IDisposable> EnterAsync(bool alone, CancellationToken cancellationToken) =>
        alone ? await EnterAloneAsync(cancellationToken) : await EnterBesideAsync(cancellationToken);

    private async Task<IDisposable> EnterBesideAsync(CancellationToken cancellationToken)
    {
        var turnstile = await FileLock.TakeAsync(_turnstile, exclusive: false, Poll, cancellationToken);
        try
        {
            // Past the turnstile: a measuring stage that comes now waits for this one, not the other way round.
            return new Turn(await FileLock.TakeAsync(_gate, exclusive: false, Poll, cancellationToken), null);
        }
        finally
        {
            await turnstile.DisposeAsync();
        }
    }

    private async Task<IDisposable> EnterAloneAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var turnstile = await FileLock.TakeAsync(_turnstile, exclusive: true, Poll, cancellationToken);
            try
            {
                if (await FileLock.TakeWithinAsync(_gate, exclusive: true, Poll, _patience ?? Timeout.InfiniteTimeSpan, cancellationToken) is { } gate)
                {
                    return new Turn(gate, turnstile);
                }
            }
            catch
            {
                await turnstile.DisposeAsync();
                throw;
            }

            // A stage under way outlasted the patience: the others run meanwhile instead of idling behind it.
            await turnstile.DisposeAsync();
            await Task.Delay(_patience!.Value, cancellationToken);
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
