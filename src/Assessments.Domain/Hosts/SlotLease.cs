using System.Diagnostics;

namespace Assessments.Domain.Hosts;

/// <summary>
/// A held seat of a grading slot: an exclusive lock on the seat's file, released on dispose or by the
/// kernel when the process dies, so a crashed grading never keeps a slot. Who holds it is written beside
/// it for waiting processes to show. A slot has one seat unless the host allows gradings to share it;
/// those that share take turns at the slot's <see cref="Gate"/> and list themselves as its gradings.
/// </summary>
public sealed class SlotLease : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _gradings;

    private SlotLease(CpuSlot slot, int seat, FileStream held, string slotPath)
    {
        Slot = slot;
        Seat = seat;
        _lock = held;
        Gate = StageGate.FromEnvironment(slotPath + ".gate");
        _gradings = slotPath + ".gradings";
    }

    public CpuSlot Slot { get; }

    /// <summary>0-based: which of the slot's seats this is.</summary>
    public int Seat { get; }

    /// <summary>Where the gradings of this slot take turns, so that a stage that measures runs alone.</summary>
    public StageGate Gate { get; }

    /// <param name="slotPath">The slot's lock file; seat 0 is that file itself, seat N its <c>.seat-N</c> sibling.</param>
    internal static SlotLease? TryTake(CpuSlot slot, string slotPath, int seat = 0)
    {
        var path = SeatPath(slotPath, seat);
        if (FileLock.TryTake(path, exclusive: true) is not { } held)
        {
            return null;
        }

        using (var self = Process.GetCurrentProcess())
        {
            TryWrite(path + ".holder", $"pid {Environment.ProcessId} ({self.ProcessName}) since {DateTimeOffset.UtcNow:HH:mm:ss} UTC");
        }

        return new SlotLease(slot, seat, held, slotPath);
    }

    internal static string SeatPath(string slotPath, int seat) => seat == 0 ? slotPath : $"{slotPath}.seat-{seat}";

    /// <summary>What the holder of a seat wrote about itself; null when nobody holds it.</summary>
    internal static string? HolderOf(string path)
    {
        using (var probe = FileLock.TryTake(path, exclusive: true))
        {
            if (probe is not null)
            {
                return null;
            }
        }

        try
        {
            return File.ReadAllText(path + ".holder").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "another process";
        }
    }

    /// <summary>Lists the grading among those of this slot until the result is disposed (see <see cref="Neighbours"/>).</summary>
    public IDisposable Join(string gradingId)
    {
        Directory.CreateDirectory(_gradings);
        var entry = Path.Combine(_gradings, gradingId);
        TryWrite(entry, $"pid {Environment.ProcessId}");
        return new Entry(entry);
    }

    /// <summary>
    /// The other gradings listed on this slot: whose containers a measuring stage freezes. An entry
    /// left by a crashed process names a grading whose containers the reaper removes; freezing them meanwhile is harmless.
    /// </summary>
    public IReadOnlyList<string> Neighbours(string gradingId) =>
        Directory.Exists(_gradings)
            ? Directory.EnumerateFiles(_gradings).Select(Path.GetFileName).OfType<string>().Where(id => id != gradingId).Order(StringComparer.Ordinal).ToList()
            : [];

    public void Dispose() => _lock.Dispose();

    private static void TryWrite(string path, string text)
    {
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a courtesy for waiting processes and neighbours; the lock itself is what counts.
        }
    }

    private sealed class Entry(string path) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover entry only makes a neighbour freeze containers that are already gone.
            }
        }
    }
}
