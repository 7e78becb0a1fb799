namespace Assessments.Domain.Hosts;

/// <summary>
/// The grading slots of this host, shared by every process on it (each <c>assess</c> command and each
/// runner worker) through one lock file per slot: whoever holds a slot's lock (flock, released by the
/// kernel when the process dies) grades on its CPUs. Settings: <c>ASSESS_SLOTS</c> (how many; the same
/// for every process on the host, else they would disagree about the CPUs) and <c>ASSESS_SLOT_DIR</c>.
/// </summary>
public sealed class HostSlots
{
    public const string CountVariable = "ASSESS_SLOTS";
    public const string DirectoryVariable = "ASSESS_SLOT_DIR";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public HostSlots(IReadOnlyList<CpuSlot> slots, string directory)
    {
        ArgumentOutOfRangeException.ThrowIfZero(slots.Count);
        Slots = slots;
        Directory = directory;
    }

    public IReadOnlyList<CpuSlot> Slots { get; }

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

        return new HostSlots(CpuSlotPlan.For(Environment.ProcessorCount, count), Environment.GetEnvironmentVariable(DirectoryVariable) ?? DefaultDirectory());
    }

    /// <summary>Takes a free slot now, or returns null when every slot is held.</summary>
    public SlotLease? TryAcquire()
    {
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var slot in Slots)
        {
            if (SlotLease.TryTake(slot, LockPath(slot)) is { } lease)
            {
                return lease;
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

    /// <summary>Which slots are held now and by whom (as each holder wrote it), e.g. for a refusal message.</summary>
    public string BusyDescription()
    {
        var holders = Slots.Select(s => SlotLease.HolderOf(LockPath(s)) is { } who ? $"slot {s.Index + 1} by {who}" : null).OfType<string>().ToList();
        return $"{holders.Count} of {Slots.Count} slot(s) busy on this host" + (holders.Count > 0 ? $" ({string.Join("; ", holders)})" : string.Empty);
    }

    /// <summary>How many slots are free at this moment (each is tried and let go at once).</summary>
    public int CountFree()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var free = 0;
        foreach (var slot in Slots)
        {
            using var lease = SlotLease.TryTake(slot, LockPath(slot), writeHolder: false);
            free += lease is null ? 0 : 1;
        }

        return free;
    }

    private string LockPath(CpuSlot slot) => Path.Combine(Directory, $"slot-{slot.Index}-of-{slot.Count}.lock");

    private static string DefaultDirectory()
    {
        // /run is the place for host-wide locks, but only root may write there; everyone else meets in the temp folder.
        const string run = "/run/assessments/slots";
        try
        {
            System.IO.Directory.CreateDirectory(run);
            return run;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return Path.Combine(Path.GetTempPath(), "assessments-slots");
        }
    }
}
