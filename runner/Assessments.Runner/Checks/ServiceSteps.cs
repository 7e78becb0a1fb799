using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Runner.Dependencies;

namespace Assessments.Runner.Checks;

/// <summary>The <c>service</c> step (a real signal to the container, then a restart) and <c>expectService</c>.</summary>
internal sealed class ServiceSteps(ServiceControl service)
{
    public async Task<StepResult> SignalAsync(ServiceStep step, int index, CancellationToken cancellationToken)
    {
        var result = await service.SignalAsync(step.Signal, step.Restart, cancellationToken);
        var label = $"step {index + 1} (service): SIG{result.Signal}";
        var evidence = new List<Evidence>
        {
            Evidence.Note($"{label} sent at {result.SentAt:yyyy-MM-dd HH:mm:ss.fff} UTC"),
            Evidence.Measurement($"the container exited with code {result.ExitCode?.ToString() ?? "unknown"} after", Math.Round(result.TimeToExit.TotalMilliseconds), "ms"),
        };
        if (result.Forced)
        {
            evidence.Add(Evidence.Note($"the service did not exit within {ServiceControl.TermGrace.TotalSeconds:0} s of SIGTERM and was killed"));
        }

        if (result.Readiness is not { } readiness)
        {
            return new StepResult(true, $"{label}: exited with code {result.ExitCode}, not restarted", evidence);
        }

        if (!readiness.IsReady)
        {
            var summary = $"{label}: exited with code {result.ExitCode}; restarted, but it was not ready again: {readiness.Detail}";
            evidence.Add(Evidence.Note(summary) with { Passed = false });
            return new StepResult(false, summary, evidence);
        }

        evidence.Add(Evidence.Measurement($"restarted (docker start, now at {result.Address.Authority}) and ready again after", Math.Round(readiness.Elapsed.TotalMilliseconds), "ms"));
        return new StepResult(true, $"{label}: exited with code {result.ExitCode} after {result.TimeToExit.TotalMilliseconds:0} ms, ready again after {readiness.Elapsed.TotalMilliseconds:0} ms", evidence);
    }

    public async Task<StepResult> ExpectAsync(ExpectServiceStep step, int index, CancellationToken cancellationToken)
    {
        var snapshot = await service.InspectAsync(cancellationToken);
        var problems = ServiceSnapshotCheck.Problems(step, snapshot);
        var state = snapshot.Running ? "running" : $"not running (exit code {snapshot.ExitCode}{(snapshot.OomKilled ? ", OOM-killed" : string.Empty)})";
        var evidence = new List<Evidence> { Evidence.Note($"the container is {state}; the runner restarted it {snapshot.Restarts} time(s)") };
        if (snapshot.MemoryMiB is { } memory)
        {
            evidence.Add(Evidence.Measurement("memory in use", Math.Round(memory, 1), "MiB"));
        }

        var summary = problems.Count == 0
            ? $"step {index + 1} (expectService): as expected"
            : $"step {index + 1} (expectService): {string.Join("; ", problems)}";
        return new StepResult(problems.Count == 0, summary, evidence);
    }
}

/// <summary>Judges a container snapshot against an <c>expectService</c> step; pure.</summary>
public static class ServiceSnapshotCheck
{
    public static IReadOnlyList<string> Problems(ExpectServiceStep step, ServiceSnapshot snapshot)
    {
        var problems = new List<string>();
        if (step.Running is { } running && running != snapshot.Running)
        {
            problems.Add(snapshot.Running ? "the container is running, expected it stopped" : $"the container is not running (exit code {snapshot.ExitCode})");
        }

        if (step.MemoryMiB is { } memory)
        {
            if (snapshot.MemoryMiB is not { } used)
            {
                problems.Add("memory in use is unknown: the container is not running");
            }
            else if (!memory.Holds(used))
            {
                problems.Add($"memory in use is {used:0.0} MiB, expected {memory}");
            }
        }

        if (step.Restarts is { } restarts && !restarts.Holds(snapshot.Restarts))
        {
            problems.Add($"the runner restarted it {snapshot.Restarts} time(s), expected {restarts}");
        }

        return problems;
    }
}
