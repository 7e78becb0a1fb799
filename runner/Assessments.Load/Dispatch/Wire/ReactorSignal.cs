using System.Runtime.InteropServices;

namespace Assessments.Load.Dispatch.Wire;

/// <summary>
/// A Linux eventfd the reactor waits on with its connections, so another thread can wake it at once
/// (the delay probe does, every two milliseconds) rather than when its wait times out.
/// </summary>
internal sealed partial class ReactorSignal : IDisposable
{
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;

    public ReactorSignal()
    {
        Fd = EventFd(0, NonBlocking | CloseOnExec);
        if (Fd < 0)
        {
            throw new IOException($"eventfd failed ({Marshal.GetLastPInvokeError()}).");
        }
    }

    public int Fd { get; }

    public unsafe void Raise()
    {
        ulong one = 1;
        _ = Write(Fd, &one, sizeof(ulong));
    }

    public unsafe void Clear()
    {
        ulong count;
        _ = Read(Fd, &count, sizeof(ulong));
    }

    public void Dispose() => Epoll.Close(Fd);

    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    private static partial int EventFd(uint initial, int flags);

    [LibraryImport("libc", EntryPoint = "write")]
    private static unsafe partial nint Write(int fd, void* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "read")]
    private static unsafe partial nint Read(int fd, void* buffer, nint count);
}
