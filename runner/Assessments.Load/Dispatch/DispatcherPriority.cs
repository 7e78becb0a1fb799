using System.Runtime.InteropServices;

namespace Assessments.Load.Dispatch;

/// <summary>
/// Raises the dispatcher thread's scheduling weight where the OS lets us (Linux, with the right
/// to lower niceness). On a core shared with the threads that read responses, a dispatcher at
/// normal weight waits its turn behind them and sends late; .NET's own Thread.Priority does
/// nothing on Linux. Best effort: without the right, the run goes on and the lag check tells.
/// </summary>
internal static partial class DispatcherPriority
{
    private const int PriorityProcess = 0;
    private const int Niceness = -10;
    private const int PrSetTimerSlack = 29;

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

            // On Linux PRIO_PROCESS with a thread id changes only that thread.
            return SetPriority(PriorityProcess, GetThreadId(), Niceness) == 0;
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

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "prctl")]
    private static partial int SetProcessControl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
