namespace Assessments.Domain.Hosts;

/// <summary>
/// A non-blocking <c>flock</c> on a file, which the kernel lets go of when the process dies. .NET takes
/// an exclusive lock for <see cref="FileShare.None"/> and a shared one for any other sharing when the
/// file is opened for reading only; a lock that cannot be had at once surfaces as an <see cref="IOException"/>.
/// </summary>
public static class FileLock
{
    /// <summary>The held lock, or null when another open file holds a lock that conflicts.</summary>
    public static FileStream? TryTake(string path, bool exclusive)
    {
        try
        {
            return exclusive
                ? new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)
                : new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
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
    }

    /// <summary>
    /// Waits for the lock as <see cref="TakeAsync"/> does, but at most <paramref name="limit"/>
    /// (<see cref="Timeout.InfiniteTimeSpan"/>: as long as it takes); null when the limit passed first.
    /// </summary>
    public static async Task<FileStream?> TakeWithinAsync(string path, bool exclusive, TimeSpan poll, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(limit);
        try
        {
            return await TakeAsync(path, exclusive, poll, patience.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// The host-wide folder for one kind of lock file, created: <c>/run/assessments/{name}</c>, the place
    /// for host-wide locks, where only root may write; everyone else meets in the temp folder.
    /// </summary>
    public static string HostFolder(string name)
    {
        try
        {
            return Directory.CreateDirectory(Path.Combine("/run/assessments", name)).FullName;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"assessments-{name}")).FullName;
        }
    }

    /// <summary>Waits for the lock, trying again every <paramref name="poll"/>.</summary>
    public static async Task<FileStream> TakeAsync(string path, bool exclusive, TimeSpan poll, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryTake(path, exclusive) is { } held)
            {
                return held;
            }

            await Task.Delay(poll, cancellationToken);
        }
    }
}
