using System.Diagnostics;

namespace Assessments.Load.SelfCheck;

/// <summary>This process's CPU use over a stretch of time, as a share of the CPUs it may run on.</summary>
public readonly struct CpuMeter
{
    private readonly TimeSpan _cpuAtStart;
    private readonly long _wallAtStart;

    private CpuMeter(TimeSpan cpu, long wall)
    {
        _cpuAtStart = cpu;
        _wallAtStart = wall;
    }

    public static CpuMeter Start() => new(Environment.CpuUsage.TotalTime, Stopwatch.GetTimestamp());

    public double Utilisation()
    {
        var wall = Stopwatch.GetElapsedTime(_wallAtStart);
        var cpu = Environment.CpuUsage.TotalTime - _cpuAtStart;

        // ProcessorCount honours the affinity mask and container limits, so a generator pinned to
        // one core is judged against one core.
        return wall > TimeSpan.Zero ? cpu / (wall * Environment.ProcessorCount) : 0;
    }
}
