using Assessments.Domain.Hosts;

namespace Assessments.UnitTests.Hosts;

public sealed class CpuSlotPlanTests
{
    [Fact]
    public void A_two_core_host_has_one_slot_with_the_service_alone_on_its_core()
    {
        var slot = Assert.Single(CpuSlotPlan.For(2));

        Assert.Equal("1", slot.ServiceSet);
        Assert.Equal("0", slot.GeneratorSet);
        Assert.Equal("0", slot.UpstreamSet);
        Assert.Equal("0,1", slot.AllSet);
    }

    [Theory]
    [InlineData(4, null, 2)]
    [InlineData(8, null, 4)]
    [InlineData(8, 2, 2)]
    [InlineData(5, null, 2)]
    [InlineData(1, null, 1)]
    public void Slots_come_from_the_cpu_count_or_the_setting(int cpus, int? requested, int expected) =>
        Assert.Equal(expected, CpuSlotPlan.For(cpus, requested).Count);

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(7)]
    public void No_slot_shares_a_core_with_another_slot_nor_its_service_with_its_generator(int cpus)
    {
        var slots = CpuSlotPlan.For(cpus);

        foreach (var slot in slots)
        {
            Assert.Empty(slot.ServiceCpus.Intersect(slot.GeneratorCpus));
            Assert.Empty(slot.ServiceCpus.Intersect(slot.UpstreamCpus));
            var others = slots.Where(s => s != slot).SelectMany(s => s.ServiceCpus.Concat(s.GeneratorCpus).Concat(s.UpstreamCpus));
            Assert.Empty(slot.ServiceCpus.Concat(slot.GeneratorCpus).Concat(slot.UpstreamCpus).Intersect(others));
            Assert.All(slot.ServiceCpus.Concat(slot.GeneratorCpus), c => Assert.InRange(c, 0, cpus - 1));
        }
    }

    [Fact]
    public void A_wider_slot_gives_the_upstream_stub_a_core_of_its_own()
    {
        var slot = Assert.Single(CpuSlotPlan.For(4, 1));

        Assert.Equal("1", slot.ServiceSet);
        Assert.Equal("2", slot.UpstreamSet);
        Assert.Equal("0,3", slot.GeneratorSet);
    }

    [Fact]
    public void Asking_for_more_slots_than_the_cores_allow_is_refused_with_the_reason()
    {
        var e = Assert.Throws<ArgumentException>(() => CpuSlotPlan.For(2, 2));

        Assert.Contains("at most 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("2 CPUs of its own", e.Message, StringComparison.Ordinal);
    }
}
