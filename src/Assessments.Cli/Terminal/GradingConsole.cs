using Assessments.Domain.Hosts;
using Assessments.Domain.Reports;
using Assessments.Pipeline;
using Assessments.Runner;
using Assessments.Runner.Grading;
using Assessments.Submissions;
using Assessments.Submissions.Sandbox;
using Docker.DotNet;
using Spectre.Console;

namespace Assessments.Cli.Terminal;

/// <summary>
/// Runs gradings for the command line: one Docker connection, a live status line while a grading
/// works (plain progress lines when the output is not a terminal), and clear words when Docker is away.
/// </summary>
/// <param name="pipeline">What each grading checks: the full pipeline (<see cref="GradingPipelines.Full"/>) when not given, as for every command but <c>assess check</c>.</param>
/// <param name="waitForSlot">False refuses at once (<see cref="SlotsBusyException"/>) when every grading slot of the host is held.</param>
/// <param name="slots">The host's slots as this command shares them (<see cref="HostSlots.WithSeats"/>); as configured when not given.</param>
internal sealed class GradingConsole(SandboxLimits? limits = null, GradingPipeline? pipeline = null, bool waitForSlot = true, HostSlots? slots = null) : IDisposable
{
    private readonly DockerClient _docker = Runner.Docker.DockerConnection.Open();

    // A platform fault is never the candidate's: the grading is tried again after a pause, a few times.
    private static readonly TimeSpan[] RetryPauses = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)];

    public async Task<GradingReport> GradeAsync(GradingRequest request, string label, CancellationToken cancellationToken)
    {
        var report = await GradeOnceAsync(request, label, cancellationToken);
        foreach (var pause in RetryPauses)
        {
            if (report.Status != ReportStatus.InfrastructureError)
            {
                break;
            }

            Console.Error.WriteLine($"[{label}] platform fault ({report.Failure?.Message}); grading again in {pause.TotalSeconds:0} s");
            await Task.Delay(pause, cancellationToken);
            report = await GradeOnceAsync(request, label, cancellationToken);
        }

        return report;
    }

    private async Task<GradingReport> GradeOnceAsync(GradingRequest request, string label, CancellationToken cancellationToken)
    {
        // Waiting is the grader's own (it says so in the progress); refusing has to happen before it starts.
        using var lease = waitForSlot ? null : TakeSlotOrRefuse();
        request = lease is null ? request : request with { Slot = lease.Slot, Seat = lease };
        var grader = new Grader(_docker, limits ?? SandboxLimits.Default, SubmissionLimits.Default, pipeline ?? GradingPipelines.Full, slots: slots);

        // A live status line is one per console: gradings side by side print progress lines instead.
        if (!AnsiConsole.Profile.Capabilities.Interactive || slots?.Seats > 1)
        {
            var lines = new SynchronousProgress<GradingProgress>(p => Console.Error.WriteLine($"[{label}] {p.Phase}: {p.Message}"));
            return await grader.GradeAsync(request, lines, cancellationToken);
        }

        return await AnsiConsole.Status().Spinner(Spinner.Known.Dots).StartAsync($"{label}: starting", async ctx =>
        {
            var status = new SynchronousProgress<GradingProgress>(p => ctx.Status($"{Markup.Escape(label)}: [bold]{p.Phase}[/] {Markup.Escape(p.Message)}"));
            return await grader.GradeAsync(request, status, cancellationToken);
        });
    }

    private SlotLease TakeSlotOrRefuse()
    {
        var host = slots ?? HostSlots.ForThisHost();
        return host.TryAcquire() ?? throw new SlotsBusyException(host.BusyDescription());
    }

    /// <summary>Checks that the Docker engine answers, with a message that says what to do when it does not.</summary>
    public async Task<string?> ProblemWithDockerAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await _docker.System.PingAsync(timeout.Token);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or DockerApiException or IOException or OperationCanceledException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return $"The Docker engine does not answer ({e.Message}). Start it with `make docker` (or scripts/ensure-docker.sh) and try again.";
        }
    }

    public void Dispose() => _docker.Dispose();
}
