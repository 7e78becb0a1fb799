using Assessments.Load.Model;

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
        };

    public static LoadPlan WithStep(this LoadPlan plan, Step step) =>
        plan with { Scenarios = [plan.Scenarios[0] with { Steps = [step] }] };
}
