using System.Diagnostics;

namespace Assessments.Domain.Hosts;

/// <summary>
/// A held grading slot: an exclusive lock on the slot's file (.NET takes <c>flock</c> for
/// <see cref="FileShare.None"/>), released on dispose or by the kernel when the process dies, so a
/// crashed grading never keeps a slot. Who holds it is written beside it for waiting processes to show.
/// </summary>
public sealed class SlotLease : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _holderPath;

    private SlotLease(CpuSlot slot, FileStream held, string holderPath)
    {
        Slot = slot;
        _lock = held;
        _holderPath = holderPath;
    }

    public CpuSlot Slot { get; }

    internal static SlotLease? TryTake(CpuSlot slot, string path, bool writeHolder = true)
    {
        FileStream held;
        try
        {
            held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            // Another user's process made the file and holds it, or held it: not ours to take.
            return null;
        }

        var holderPath = path + ".holder";
        if (writeHolder)
        {
            using var self = Process.GetCurrentProcess();
            TryWrite(holderPath, $"pid {Environment.ProcessId} ({self.ProcessName}) since {DateTimeOffset.UtcNow:HH:mm:ss} UTC");
        }

        return new SlotLease(slot, held, holderPath);
    }

    /// <summary>What the holder of a slot wrote about itself; null when nobody holds it.</summary>
    internal static string? HolderOf(string path)
    {
        using var probe = TryTake(new CpuSlot(0, 1, [], [], []), path, writeHolder: false);
        if (probe is not null)
        {
            return null;
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

    public void Dispose() => _lock.Dispose();

    private static void TryWrite(string path, string text)
    {
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a courtesy for waiting processes; the lock itself is what counts.
        }
    }
}
