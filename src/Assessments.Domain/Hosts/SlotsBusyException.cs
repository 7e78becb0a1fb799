namespace Assessments.Domain.Hosts;

/// <summary>Every grading slot of the host is held, and the caller asked not to wait for one.</summary>
public sealed class SlotsBusyException(string busy)
    : Exception($"every grading slot of this host is busy ({busy}); grading now would share the CPUs its measurements need. Run again without --no-wait to wait for a free slot.");
