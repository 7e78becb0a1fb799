using Assessments.Load.Model;
using Assessments.Load.SelfCheck;

namespace Assessments.Load.Tests.Support;

/// <summary>Short plans for tests: one scenario of one step.</summary>
public static class Plans
{
    public static LoadPlan Open(Uri url, int rate, TimeSpan during, TimeSpan? warmup = null) =>
        Single(url, Simulation.Inject(rate, TimeSpan.FromSeconds(1), during + (warmup ?? TimeSpan.Zero))) with
        {
            Warmup = warmup ?? TimeSpan.Zero,
        };

    public static LoadPlan Closed(Uri url, int copies, TimeSpan during) =>
        Single(url, Simulation.KeepConstant(copies, during));

    public static LoadPlan Single(Uri url, params LoadSimulation[] simulations) =>
        new([new Scenario("test", [new Step("get", HttpRequestTemplate.Get(url))], simulations)])
        {
            RequestTimeout = TimeSpan.FromSeconds(5),
            DrainTimeout = TimeSpan.FromSeconds(5),
            SelfCheck = InProcess,
        };

    /// <summary>
    /// The test server shares the generator's process, CPU and thread pool (and a Debug build's JIT),
    /// so the production 1 ms lag limit would judge the test set-up; the benchmark checks that limit
    /// with server and generator on separate cores. 50 ms still separates a healthy generator from a
    /// saturated one by orders of magnitude.
    /// </summary>
    public static SelfCheckLimits InProcess { get; } = new()
    {
        MaxDispatchLagP99 = TimeSpan.FromMilliseconds(50),
        MaxPoolDelayP99 = TimeSpan.FromMilliseconds(50),
    };

    public static LoadPlan WithStep(this LoadPlan plan, Step step) =>
        plan with { Scenarios = [plan.Scenarios[0] with { Steps = [step] }] };
}
