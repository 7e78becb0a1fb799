namespace Assessments.Domain.Hosts;

/// <summary>
/// Divides a host's CPUs into grading slots. Pure. Each slot gets an equal run of consecutive CPUs:
/// the first for the load generator, the second for the service, a third (when there is one) for the
/// upstream stub, which otherwise shares the generator's; CPUs beyond three go to the generator, the
/// service keeps exactly one so that its figures compare with the reference's on any host. A
/// one-CPU host has one slot whose parts all share CPU 0.
/// </summary>
public static class CpuSlotPlan
{
    /// <summary>CPUs one slot needs so that the service and the generator never share a core.</summary>
    public const int CpusPerSlot = 2;

    /// <summary>The most slots a host of <paramref name="processorCount"/> CPUs can have.</summary>
    public static int MaxSlots(int processorCount) => Math.Max(1, processorCount / CpusPerSlot);

    /// <param name="requested">Slots wanted; null or 0 takes <see cref="MaxSlots"/>.</param>
    /// <exception cref="ArgumentException">More slots than the host has CPUs for, or a count below zero.</exception>
    public static IReadOnlyList<CpuSlot> For(int processorCount, int? requested = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(processorCount, 1);
        var max = MaxSlots(processorCount);
        var count = requested is null or 0 ? max : requested.Value;
        if (count < 0 || count > max)
        {
            throw new ArgumentException(
                $"{count} grading slot(s) asked for, but this host's {processorCount} CPU(s) make at most {max}: each slot needs {CpusPerSlot} CPUs of its own (one for the service, one for the load generator).",
                nameof(requested));
        }

        if (processorCount == 1)
        {
            return [new CpuSlot(0, 1, [0], [0], [0])];
        }

        var width = processorCount / count;
        var slots = new List<CpuSlot>();
        for (var i = 0; i < count; i++)
        {
            var first = i * width;
            var generator = new List<int> { first };
            generator.AddRange(Enumerable.Range(first + 3, Math.Max(0, width - 3)));
            var upstream = width >= 3 ? first + 2 : first;
            slots.Add(new CpuSlot(i, count, [first + 1], generator, [upstream]));
        }

        return slots;
    }
}
