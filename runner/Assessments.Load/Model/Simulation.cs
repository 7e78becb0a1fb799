namespace Assessments.Load.Model;

/// <summary>Factory methods that read like NBomber's <c>Simulation.Inject(rate: 100, interval: 1s, during: 30s)</c>.</summary>
public static class Simulation
{
    public static LoadSimulation Inject(int rate, TimeSpan interval, TimeSpan during) =>
        new LoadSimulation.Inject(rate, interval, during);

    public static LoadSimulation RampingInject(int rate, TimeSpan interval, TimeSpan during) =>
        new LoadSimulation.RampingInject(rate, interval, during);

    public static LoadSimulation KeepConstant(int copies, TimeSpan during) =>
        new LoadSimulation.KeepConstant(copies, during);

    public static LoadSimulation RampingConstant(int copies, TimeSpan during) =>
        new LoadSimulation.RampingConstant(copies, during);

    public static LoadSimulation IterationsForInject(int rate, TimeSpan interval, int iterations) =>
        new LoadSimulation.IterationsForInject(rate, interval, iterations);

    public static LoadSimulation IterationsForConstant(int copies, int iterations) =>
        new LoadSimulation.IterationsForConstant(copies, iterations);

    public static LoadSimulation Pause(TimeSpan during) => new LoadSimulation.Pause(during);
}
