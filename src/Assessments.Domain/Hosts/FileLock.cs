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
