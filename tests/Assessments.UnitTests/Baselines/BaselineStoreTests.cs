using Assessments.Domain.Performance;
using Assessments.Runner.Grading.Baselines;
using Assessments.UnitTests.Support;

namespace Assessments.UnitTests.Baselines;

public sealed class BaselineStoreTests : IDisposable
{
    private static readonly DateTimeOffset Measured = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly BaselineKey Key = new("api-design", "1.0.0", new string('a', 64), "GET /products rate=100", "cpuset=1 cpus=2", "machine-1 | cpu | 2 processors");
    private static readonly BaselineFigures Figures = new(2.1, 3.4, 7.9, 25.5, 99.8, 800, 0, Measured);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_saved_baseline_is_found_while_it_is_younger_than_the_limit()
    {
        var store = new BaselineStore(_temp.PathOf("baselines"));

        store.Save(Key, Figures);

        Assert.Equal(Figures, store.Find(Key, TimeSpan.FromHours(24), Measured.AddHours(23)));
        Assert.Null(store.Find(Key, TimeSpan.FromHours(24), Measured.AddHours(25)));
    }

    [Fact]
    public void Any_change_to_the_key_misses_the_stored_baseline()
    {
        var store = new BaselineStore(_temp.PathOf("baselines"));
        store.Save(Key, Figures);

        foreach (var other in new[]
        {
            Key with { ReferenceSha256 = new string('b', 64) },
            Key with { CpuLimits = "cpuset=0 cpus=2" },
            Key with { Machine = "machine-2 | cpu | 2 processors" },
            Key with { ChallengeVersion = "1.0.1" },
            Key with { Profile = "GET /products rate=200" },
        })
        {
            Assert.NotEqual(Key.FileName, other.FileName);
            Assert.Null(store.Find(other, TimeSpan.FromHours(24), Measured));
        }
    }

    [Fact]
    public void A_damaged_file_is_a_miss_not_an_error()
    {
        var store = new BaselineStore(_temp.PathOf("baselines"));
        _temp.Write(Path.Combine("baselines", Key.FileName), "{ not json");

        Assert.Null(store.Find(Key, TimeSpan.FromHours(24), Measured));
    }

    [Fact]
    public void A_measurement_from_the_future_is_not_trusted()
    {
        var store = new BaselineStore(_temp.PathOf("baselines"));
        store.Save(Key, Figures);

        Assert.Null(store.Find(Key, TimeSpan.FromHours(24), Measured.AddHours(-1)));
    }
}
