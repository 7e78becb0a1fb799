using System.Diagnostics;
using System.Text;

namespace Assessments.Server.Tests.Support;

/// <summary>The real worker host (runner/Assessments.Worker) as a child process, with the real grader and Docker.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WorkerProcess(Process process)
    {
        _process = process;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public static WorkerProcess Start(TestDatabase database, string workerId, double leaseSeconds, double heartbeatSeconds)
    {
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.WorkerDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.Environment["ConnectionStrings__Assessments"] = database.ConnectionString;
        start.Environment["Worker__WorkerId"] = workerId;
        start.Environment["Worker__ChallengesPath"] = RepositoryPaths.Challenges;
        start.Environment["Worker__LeaseSeconds"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Worker__HeartbeatSeconds"] = heartbeatSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Worker__PollSeconds"] = "0.5";
        start.Environment["Worker__RetryBaseSeconds"] = "1";
        var worker = new WorkerProcess(Process.Start(start)!);
        worker._process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        worker._process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>SIGKILL: no shutdown, no clean-up, the lease is simply never renewed again.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
