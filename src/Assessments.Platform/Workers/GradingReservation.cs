using Assessments.Domain.Hosts;

namespace Assessments.Platform.Workers;

/// <summary>
/// The room a worker holds for one grading before it claims a job: on a real runner host, a grading
/// slot (its CPUs for the service and the load generator), so a job is only claimed when it can be
/// measured on cores nothing else uses. Disposing lets the room go.
/// </summary>
public sealed class GradingReservation(CpuSlot? slot, IDisposable? held = null) : IDisposable
{
    /// <summary>No slot: engines that measure nothing (the queue tests' fakes) need none.</summary>
    public static GradingReservation None => new(null);

    public CpuSlot? Slot { get; } = slot;

    /// <summary>The seat held, when the room is one: the grading takes its turns at that slot's gate.</summary>
    public SlotLease? Seat => held as SlotLease;

    public void Dispose() => held?.Dispose();
}
