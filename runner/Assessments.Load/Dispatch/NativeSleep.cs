using System.Runtime.InteropServices;

namespace Assessments.Load.Dispatch;

/// <summary>
/// Sub-millisecond sleep. <see cref="Thread.Sleep(int)"/> cannot sleep less than a millisecond, and
/// spinning instead would take the CPU from the very threads that send and receive; Linux's
/// nanosleep wakes within tens of microseconds.
/// </summary>
internal static partial class NativeSleep
{
    public static bool Available { get; } = OperatingSystem.IsLinux();

    public static void Sleep(long nanoseconds)
    {
        var request = new TimeSpec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };
        _ = NanoSleep(ref request, IntPtr.Zero);
    }

    [LibraryImport("libc", EntryPoint = "nanosleep")]
    private static partial int NanoSleep(ref TimeSpec request, IntPtr remaining);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
