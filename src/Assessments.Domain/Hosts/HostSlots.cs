namespace Assessments.Domain.Hosts;

/// <summary>
/// The grading slots of this host, shared by every process on it (each <c>assess</c> command and each
/// runner worker) through one lock file per slot: whoever holds a slot's lock (flock, released by the
/// kernel when the process dies) grades on its CPUs. Settings: <c>ASSESS_SLOTS</c> (how many; the same
/// for every process on the host, else they would disagree about the CPUs), <c>ASSESS_SLOT_DIR</c>, and
/// <c>ASSESS_SLOT_SEATS</c>: how many gradings may share a slot (1 unless set). Gradings that share a
/// slot overlap only where nothing is measured: they take turns at the slot's <see cref="StageGate"/>.
/// </summary>
public sealed class HostSlots
{
    public const string CountVariable = "ASSESS_SLOTS";
    public const string DirectoryVariable = "ASSESS_SLOT_DIR";
    public const string SeatsVariable = "ASSESS_SLOT_SEATS";

    /// <summary>More gradings than this on one slot would only queue at its gate for the measured stages.</summary>
    public const int MaxSeats = 4;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seats"/> is not between 1 and <see cref="MaxSeats"/>.</exception>
    public HostSlots(IReadOnlyList<CpuSlot> slots, string directory, int seats = 1)
    {
        ArgumentOutOfRangeException.ThrowIfZero(slots.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(seats, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seats, MaxSeats);
        Slots = slots;
        Directory = directory;
        Seats = seats;
    }

    public IReadOnlyList<CpuSlot> Slots { get; }

    /// <summary>How many gradings this process lets share one slot.</summary>
    public int Seats { get; }

    /// <summary>Where the lock files live (<c>/run/assessments/slots</c> for root, else under the temp folder).</summary>
    public string Directory { get; }

    /// <summary>The slots of this host as configured by the environment.</summary>
    /// <exception cref="ArgumentException"><c>ASSESS_SLOTS</c> is not a count this host's CPUs allow.</exception>
    public static HostSlots ForThisHost()
    {
        var text = Environment.GetEnvironmentVariable(CountVariable);
        int? count = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            count = int.TryParse(text, out var parsed) ? parsed : throw new ArgumentException($"{CountVariable}='{text}' is not a whole number of grading slots.");
        }

        var seatsText = Environment.GetEnvironmentVariable(SeatsVariable);
        var seats = 1;
        if (!string.IsNullOrWhiteSpace(seatsText) && (!int.TryParse(seatsText, out seats) || seats is < 1 or > MaxSeats))
        {
            throw new ArgumentException($"{SeatsVariable}='{seatsText}' is not a number of gradings per slot between 1 and {MaxSeats}.");
        }

        return new HostSlots(CpuSlotPlan.For(Environment.ProcessorCount, count), Environment.GetEnvironmentVariable(DirectoryVariable) ?? DefaultDirectory(), seats);
    }

    /// <summary>The same slots, shared by up to <paramref name="seats"/> gradings each.</summary>
    public HostSlots WithSeats(int seats) => new(Slots, Directory, seats);

    /// <summary>Takes a free seat now (the first seat of every slot before any second one), or returns null when every seat is held.</summary>
    public SlotLease? TryAcquire()
    {
        System.IO.Directory.CreateDirectory(Directory);
        for (var seat = 0; seat < Seats; seat++)
        {
            foreach (var slot in Slots)
            {
                if (SlotLease.TryTake(slot, LockPath(slot), seat) is { } lease)
                {
                    return lease;
                }
            }
        }

        return null;
    }

    /// <summary>Takes the first slot that is free, waiting for one; <paramref name="waiting"/> is told once, with who holds them.</summary>
    public async Task<SlotLease> AcquireAsync(Action<string>? waiting, CancellationToken cancellationToken)
    {
        var told = false;
        while (true)
        {
            if (TryAcquire() is { } lease)
            {
                return lease;
            }

            if (!told)
            {
                waiting?.Invoke($"waiting for a free grading slot: {BusyDescription()}");
                told = true;
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    /// <summary>Which seats are held now and by whom (as each holder wrote it), e.g. for a refusal message.</summary>
    public string BusyDescription()
    {
        var holders = SeatPaths().Select(s => SlotLease.HolderOf(s.Path) is { } who ? $"{s.Name} by {who}" : null).OfType<string>().ToList();
        var of = Seats == 1 ? $"{Slots.Count} slot(s)" : $"{Slots.Count * Seats} seat(s) on {Slots.Count} slot(s)";
        return $"{holders.Count} of {of} busy on this host" + (holders.Count > 0 ? $" ({string.Join("; ", holders)})" : string.Empty);
    }

    /// <summary>How many seats are free at this moment (each is tried and let go at once); with one seat per slot, the free slots.</summary>
    public int CountFree()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var free = 0;
        foreach (var (_, path) in SeatPaths())
        {
            using var held = FileLock.TryTake(path, exclusive: true);
            free += held is null ? 0 : 1;
        }

        return free;
    }

    private IEnumerable<(string Name, string Path)> SeatPaths() =>
        from seat in Enumerable.Range(0, Seats)
        from slot in Slots
        select (Seats == 1 ? $"slot {slot.Index + 1}" : $"slot {slot.Index + 1} seat {seat + 1}", SlotLease.SeatPath(LockPath(slot), seat));

    private string LockPath(CpuSlot slot) => Path.Combine(Directory, $"slot-{slot.Index}-of-{slot.Count}.lock");

    private static string DefaultDirectory() => FileLock.HostFolder("slots");
}
