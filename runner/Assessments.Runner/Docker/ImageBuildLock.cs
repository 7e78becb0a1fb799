using Assessments.Domain.Hosts;

namespace Assessments.Runner.Docker;

/// <summary>
/// One build per image-cache key at a time on this host: two gradings of the same submission that
/// start together (a worker's two seats on a regrade, a calibration beside a test run, the test
/// command's projects at once on a fresh machine) would otherwise both build it, each spending the
/// CPUs a minute or more, for one image. The second waits for the first and then reuses its image.
/// A lock file per key (<c>flock</c>, freed by the kernel if the process dies) in
/// <c>/run/assessments/builds</c> as root, else in the temp folder.
/// </summary>
internal static class ImageBuildLock
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Takes the key's lock; <paramref name="waiting"/> is told once when another process holds it. After
    /// <paramref name="limit"/> (a build's own time limit: the holder's build has ended by then, or its
    /// lock is not one this process may take) it gives up and returns no lock: the caller builds anyway.
    /// </summary>
    public static async Task<(FileStream? Held, bool Waited)> TakeAsync(string key, Action waiting, TimeSpan limit, CancellationToken cancellationToken)
    {
        var path = Path.Combine(FileLock.HostFolder("builds"), $"{key[..32]}.lock");
        if (FileLock.TryTake(path, exclusive: true) is { } held)
        {
            return (held, false);
        }

        waiting();
        return (await FileLock.TakeWithinAsync(path, exclusive: true, Poll, limit, cancellationToken), true);
    }
}
