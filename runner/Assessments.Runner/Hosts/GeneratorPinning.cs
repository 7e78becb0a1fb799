using Assessments.Domain.Hosts;

namespace Assessments.Runner.Hosts;

/// <summary>
/// Keeps this process (the load generator, and the runner around it) on the generator CPUs of the
/// slots its gradings hold, off the cores the services are pinned to. Gradings in one process (a
/// worker with several slots) share the union of their generator CPUs; when the last one ends, the
/// process gets back the CPUs it started with.
/// </summary>
public static class GeneratorPinning
{
    private static readonly Lock Gate = new();
    private static readonly List<CpuSlot> Held = [];
    private static IReadOnlyList<int>? _original;

    /// <summary>Pins the process for the grading holding <paramref name="slot"/>; dispose to let go.</summary>
    public static IDisposable Hold(CpuSlot slot)
    {
        lock (Gate)
        {
            _original ??= ProcessAffinity.Current();
            Held.Add(slot);
            Apply();
        }

        return new Release(slot);
    }

    /// <summary>The CPUs the process is pinned to now, for the report.</summary>
    public static string Describe() => string.Join(',', ProcessAffinity.Current());

    private static void Apply()
    {
        var cpus = Held.Count == 0 ? _original! : Held.SelectMany(s => s.GeneratorCpus).Distinct().Order().ToList();
        ProcessAffinity.Set([.. cpus.Where(c => c < Environment.ProcessorCount)]);
    }

    private sealed class Release(CpuSlot slot) : IDisposable
    {
        private bool _released;

        public void Dispose()
        {
            lock (Gate)
            {
                if (_released)
                {
                    return;
                }

                _released = true;
                Held.Remove(slot);
                Apply();
            }
        }
    }
}
