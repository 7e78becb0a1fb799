using System.Runtime.InteropServices;

namespace Assessments.Load.Dispatch.Wire;

/// <summary>
/// Linux's readiness notification, called directly: one thread waits on every connection at once and
/// handles what is ready in a batch, as wrk does, instead of a wake-up and a thread hop per response.
/// </summary>
internal static partial class Epoll
{
    public const uint In = 0x001;
    public const uint Out = 0x004;
    public const uint Error = 0x008;
    public const uint HangUp = 0x010;
    public const uint ReadHangUp = 0x2000;

    private const int CloseOnExec = 0x80000;
    private const int Add = 1;
    private const int Delete = 2;
    private const int Modify = 3;

    public static int Create()
    {
        var fd = EpollCreate1(CloseOnExec);
        return fd >= 0 ? fd : throw new IOException($"epoll_create1 failed ({Marshal.GetLastPInvokeError()}).");
    }

    public static void Register(int epoll, int fd, uint events, long id) => Control(epoll, Add, fd, events, id);

    public static void Change(int epoll, int fd, uint events, long id) => Control(epoll, Modify, fd, events, id);

    public static void Unregister(int epoll, int fd)
    {
        var none = default(Event);
        _ = EpollCtl(epoll, Delete, fd, ref none);
    }

    public static unsafe int Wait(int epoll, Span<Event> events, int timeoutMilliseconds)
    {
        fixed (Event* buffer = events)
        {
            var ready = EpollWait(epoll, buffer, events.Length, timeoutMilliseconds);

            // EINTR (a signal, e.g. a debugger or the GC suspending threads) is not an error: nothing was ready.
            return ready >= 0 ? ready : 0;
        }
    }

    public static void Close(int fd) => _ = CloseFd(fd);

    private static void Control(int epoll, int operation, int fd, uint events, long id)
    {
        var change = new Event { Events = events, Data = id };
        if (EpollCtl(epoll, operation, fd, ref change) != 0)
        {
            throw new IOException($"epoll_ctl failed ({Marshal.GetLastPInvokeError()}).");
        }
    }

    // The kernel's struct epoll_event is packed on x86-64 (12 bytes) and naturally aligned elsewhere (16).
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    public struct Event
    {
        public uint Events;
        public long Data;
    }

    [LibraryImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    private static partial int EpollCreate1(int flags);

    [LibraryImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    private static partial int EpollCtl(int epoll, int operation, int fd, ref Event change);

    [LibraryImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    private static unsafe partial int EpollWait(int epoll, Event* events, int maxEvents, int timeout);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int CloseFd(int fd);
}
