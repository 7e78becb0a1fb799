using System.Diagnostics;
using Assessments.Domain.Scenarios;
using Assessments.Runner.Docker;
using Assessments.Runner.Grading;
using Docker.DotNet;
using Docker.DotNet.Models;
using ServiceSpec = Assessments.Domain.Challenges.ServiceSpec;

namespace Assessments.Runner.Dependencies;

/// <summary>
/// Acts on the candidate's container for the <c>service</c> and <c>expectService</c> steps: a real
/// signal, a wait for the exit, <c>docker start</c> of the same container, its (possibly new) address
/// re-read into the endpoint every later step and stage uses, and a readiness wait.
/// </summary>
public sealed class ServiceControl
{
    /// <summary>How long a SIGTERM'd service may take to exit before it is killed.</summary>
    public static readonly TimeSpan TermGrace = TimeSpan.FromSeconds(10);

    private readonly IDockerClient _docker;
    private readonly ServiceContainer _containers;
    private readonly ServiceSpec _spec;
    private readonly HttpClient _http;
    private readonly ServiceEndpoint _endpoint;
    private int _restarts;

    internal ServiceControl(IDockerClient docker, ServiceContainer containers, string containerId, ServiceSpec spec, HttpClient http, ServiceEndpoint endpoint)
    {
        _docker = docker;
        _containers = containers;
        ContainerId = containerId;
        _spec = spec;
        _http = http;
        _endpoint = endpoint;
    }

    public string ContainerId { get; }

    /// <summary>How many times the runner started the container again.</summary>
    public int Restarts => _restarts;

    public async Task<SignalResult> SignalAsync(ServiceSignal signal, bool restart, CancellationToken cancellationToken)
    {
        var name = signal == ServiceSignal.Kill ? "KILL" : "TERM";
        var killedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await _docker.Containers.KillContainerAsync(ContainerId, new ContainerKillParameters { Signal = name }, cancellationToken);
        var (exitCode, forced) = await WaitForExitAsync(signal == ServiceSignal.Kill ? TimeSpan.FromSeconds(10) : TermGrace, cancellationToken);
        var timeToExit = clock.Elapsed;
        if (!restart)
        {
            return new SignalResult(name, killedAt, exitCode, timeToExit, forced, null, null, _endpoint.Address);
        }

        var readiness = await StartAgainAsync(cancellationToken);
        return new SignalResult(name, killedAt, exitCode, timeToExit, forced, readiness.IsReady, readiness, _endpoint.Address);
    }

    /// <summary>Starts the container again when it is not running, then waits until it is ready.</summary>
    public async Task<ReadinessResult> EnsureReadyAsync(CancellationToken cancellationToken)
    {
        var state = (await _docker.Containers.InspectContainerAsync(ContainerId, cancellationToken)).State;
        return state.Running ? await WaitReadyAsync(cancellationToken) : await StartAgainAsync(cancellationToken);
    }

    public async Task<ServiceSnapshot> InspectAsync(CancellationToken cancellationToken)
    {
        var state = (await _docker.Containers.InspectContainerAsync(ContainerId, cancellationToken)).State;
        double? memory = null;
        if (state.Running)
        {
            ContainerStatsResponse? stats = null;
            await _docker.Containers.GetContainerStatsAsync(
                ContainerId, new ContainerStatsParameters { Stream = false, OneShot = true }, new SynchronousProgress<ContainerStatsResponse>(s => stats = s), cancellationToken);
            memory = stats?.MemoryStats is { } m ? MemoryInUse(m) / (1024.0 * 1024.0) : null;
        }

        return new ServiceSnapshot(state.Running, state.Running ? null : state.ExitCode, state.OOMKilled, memory, _restarts);
    }

    /// <summary>Memory in use as <c>docker stats</c> counts it: the page cache that could be dropped is left out.</summary>
    internal static ulong MemoryInUse(MemoryStats stats)
    {
        ulong cache = 0;
        if (stats.Stats is { } s && !s.TryGetValue("inactive_file", out cache))
        {
            s.TryGetValue("total_inactive_file", out cache);
        }

        return stats.Usage > cache ? stats.Usage - cache : stats.Usage;
    }

    private async Task<(long? ExitCode, bool Forced)> WaitForExitAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            var exit = await _docker.Containers.WaitContainerAsync(ContainerId, timeout.Token);
            return (exit.StatusCode, false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // It ignored the signal for the whole grace period: what an orchestrator would do next.
            await _docker.Containers.KillContainerAsync(ContainerId, new ContainerKillParameters { Signal = "KILL" }, cancellationToken);
            var exit = await _docker.Containers.WaitContainerAsync(ContainerId, cancellationToken);
            return (exit.StatusCode, true);
        }
    }

    private async Task<ReadinessResult> StartAgainAsync(CancellationToken cancellationToken)
    {
        await _docker.Containers.StartContainerAsync(ContainerId, new ContainerStartParameters(), cancellationToken);
        Interlocked.Increment(ref _restarts);
        var started = await _docker.Containers.InspectContainerAsync(ContainerId, cancellationToken);
        if (started.NetworkSettings?.Networks?.Values.FirstOrDefault()?.IPAddress is { Length: > 0 } address)
        {
            _endpoint.MoveTo(new Uri($"http://{address}:{_spec.Port}"));
        }

        return await WaitReadyAsync(cancellationToken);
    }

    private Task<ReadinessResult> WaitReadyAsync(CancellationToken cancellationToken) =>
        new ReadinessProbe(_http, _containers)
            .WaitAsync(ContainerId, new Uri(_endpoint.Address, _spec.ReadinessPath), _spec.ReadinessTimeout, cancellationToken);
}

/// <summary>What a signal did: when it was sent, how the container exited, and how it came back.</summary>
/// <param name="Forced">The service ignored SIGTERM for the whole grace period and was killed.</param>
public sealed record SignalResult(
    string Signal, DateTimeOffset SentAt, long? ExitCode, TimeSpan TimeToExit, bool Forced, bool? Ready, ReadinessResult? Readiness, Uri Address);

public sealed record ServiceSnapshot(bool Running, long? ExitCode, bool OomKilled, double? MemoryMiB, int Restarts);
