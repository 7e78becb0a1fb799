using System.Runtime.InteropServices;

namespace Assessments.Runner.Hosts;

/// <summary>
/// Sets the CPUs every thread of this process may run on (Linux). <c>Process.ProcessorAffinity</c>
/// only moves the main thread there, so each thread in <c>/proc/self/task</c> is set on its own;
/// threads started later inherit their creator's mask.
/// </summary>
internal static partial class ProcessAffinity
{
    private const int MaskBytes = 128;

    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>The CPUs the calling thread may run on now.</summary>
    public static IReadOnlyList<int> Current()
    {
        var mask = new byte[MaskBytes];
        if (!IsSupported || SchedGetAffinity(0, (nuint)mask.Length, mask) != 0)
        {
            return Enumerable.Range(0, Environment.ProcessorCount).ToList();
        }

        return Enumerable.Range(0, MaskBytes * 8).Where(cpu => (mask[cpu / 8] & (1 << (cpu % 8))) != 0).ToList();
    }

    /// <summary>Moves every thread of the process onto <paramref name="cpus"/>; false when the kernel refused for any of them.</summary>
    public static bool Set(IReadOnlyCollection<int> cpus)
    {
        if (!IsSupported || cpus.Count == 0)
        {
            return false;
        }

        var mask = new byte[MaskBytes];
        foreach (var cpu in cpus.Where(c => c is >= 0 and < MaskBytes * 8))
        {
            mask[cpu / 8] |= (byte)(1 << (cpu % 8));
        }

        var allSet = true;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            // A thread that ended since the listing has nothing left to move.
            if (int.TryParse(Path.GetFileName(task), out var tid) && SchedSetAffinity(tid, (nuint)mask.Length, mask) != 0 && Directory.Exists(task))
            {
                allSet = false;
            }
        }

        return allSet;
    }

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int SchedSetAffinity(int pid, nuint size, byte[] mask);

    [LibraryImport("libc", EntryPoint = "sched_getaffinity", SetLastError = true)]
    private static partial int SchedGetAffinity(int pid, nuint size, byte[] mask);
}
