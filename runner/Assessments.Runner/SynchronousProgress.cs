namespace Assessments.Runner;

/// <summary>
/// Reports on the caller's thread, in order. <see cref="Progress{T}"/> posts each report to the
/// thread pool, which reorders build log lines and races with whoever reads what they collect.
/// </summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
