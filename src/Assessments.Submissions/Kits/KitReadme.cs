using System.Globalization;
using System.Text;
using Assessments.Domain.Challenges;
using Assessments.Submissions.Sandbox;

namespace Assessments.Submissions.Kits;

/// <summary>
/// The kit's README: how the service is built and run, with the values the runner enforces read from
/// the very objects the runner uses (<see cref="SandboxLimits"/>, <see cref="SubmissionLimits"/>,
/// <see cref="ServiceEnvironment"/>, the challenge's spec), so the README cannot drift from the sandbox.
/// </summary>
internal static class KitReadme
{
    public static string Render(Challenge challenge, SandboxLimits sandbox, SubmissionLimits intake)
    {
        var s = challenge.Service;
        var md = new StringBuilder($"# {challenge.Title}: your candidate kit\n\n");
        md.Append($"Challenge `{challenge.Id}`, version {challenge.Version}. Everything you are graded on is stated in `brief.md`; this file says how your service is built and run.\n\n");
        md.Append("| file | what it is |\n|---|---|\n");
        md.Append("| `brief.md` | the brief: what to build and every behaviour that is graded |\n");
        md.Append("| `openapi.yaml` | the contract: every operation, status, header and schema |\n");
        md.Append("| `starter/` | a service that builds and starts as it is (C# minimal API); replace it with yours in any language |\n");
        if (challenge.StarterLanguages.Count > 1)
        {
            var others = challenge.StarterLanguages.Skip(1).Select(l => $"`{l}`").ToList();
            var list = others.Count == 1 ? others[0] : $"{string.Join(", ", others[..^1])} and {others[^1]}";
            md.Append($"| `starters/` | the same starter in {list}: copy one folder and build from its Dockerfile |\n");
        }

        md.Append("| `CHECKS.md` | the visible checks, readable, with their points |\n");
        md.Append("| `challenge.yaml`, `scenarios.yaml`, `rubric.yaml`" + (challenge.Upstream is not null ? ", the upstream's data" : string.Empty) + " | the visible checks as `assess check` reads them |\n\n");

        md.Append("## Your submission\n\n");
        md.Append($"A folder, `.zip` or `.tar.gz` with a `Dockerfile` at its root: at most {Mb(intake.MaxCompressedBytes)} compressed, {Mb(intake.MaxExtractedBytes)} unpacked, {intake.MaxEntries:N0} files; ");
        md.Append("no links, absolute paths or `..`. Your `.dockerignore` is applied before anything is read (keep `bin/`, `obj/`, `node_modules/` and the like out).\n\n");

        md.Append("## How it is built\n\n");
        md.Append($"- With Docker's classic builder and **no network**: nothing can be downloaded during the build (vendor your dependencies, or use only what the base images hold). The build has {Mb(sandbox.BuildMemoryBytes)} of memory, {sandbox.BuildCpus.ToString("0.##", CultureInfo.InvariantCulture)} CPUs and {sandbox.BuildTimeout.TotalMinutes:0} minutes, no cache.\n");
        md.Append($"- `FROM` may name only these base images: {string.Join(", ", sandbox.AllowedBaseImages.Select(i => $"`{i}`"))} (or an earlier stage). No `ADD <url>`, no `# syntax=` line, no `RUN --network`/`--mount`, no `COPY --from=<image>`.\n\n");

        md.Append("## How it is run\n\n");
        md.Append($"- It must listen on **port {s.Port}** on all interfaces (`0.0.0.0`). Its environment:\n\n");
        foreach (var (name, value) in ServiceEnvironment.For(challenge))
        {
            md.Append($"  - `{name}={value}`{Explain(name)}\n");
        }

        md.Append($"\n- Ready means `GET {s.ReadinessPath}` answers 200, within {s.ReadinessTimeout.TotalSeconds:0} s of the start. Each request then has {s.RequestTimeout.TotalSeconds:0} s; bodies beyond 1 MB are cut.\n");
        md.Append($"- **Memory: {Mb(sandbox.RunMemoryBytes)}**, swap included (the container is killed beyond it). **CPU: {Cpus(sandbox)}**. At most {sandbox.PidsLimit} processes or threads and {sandbox.OpenFilesLimit:N0} open files.\n");
        md.Append($"- **Read-only root file system**; `/tmp` is a {Size(sandbox.TmpSize)} tmpfs (noexec, nosuid)" + (s.DataVolume is { } data ? $"; `{data}` (`DATA_DIR`) is a volume that survives restarts and is writable by your user" : string.Empty) + ".\n");
        md.Append("- As a **non-root user** (your image's numeric `USER`, else 65534), with no capabilities and no privilege gain.\n");
        md.Append("- Network: only the grader" + (challenge.Upstream is not null ? $" and the upstream at `{ServiceEnvironment.UpstreamAddress}`" : string.Empty) + " can reach it; it reaches nothing else (no internet).\n");
        md.Append($"- Logs: stdout and stderr, kept up to {Size(sandbox.LogMaxSize)}.\n\n");

        md.Append("## Check it before you upload\n\n");
        md.Append("`assess check` builds your service with Docker, starts it under the same limits");
        md.Append(challenge.Upstream is not null ? ", starts the grader's upstream stub next to it" : string.Empty);
        md.Append(", runs the visible checks and prints what the platform would show you: each check with its requests, responses and a `curl` command, failures first, and the visible points.\n\n");
        md.Append("```sh\nassess check starter/            # or the folder of your own service; the kit is found above it\nassess check my-service --kit .   # name the kit folder when it is elsewhere\n```\n\n");
        md.Append("Install it as a .NET tool (`dotnet tool install --global assess --add-source <folder with assess.*.nupkg>`) or use the single-file `assess` binary for linux-x64; it needs a local Docker engine.\n");
        return md.ToString();
    }

    private static string Explain(string name) => name switch
    {
        "PORT" => ": the port to listen on",
        "ASPNETCORE_HTTP_PORTS" => ": the same, for ASP.NET Core",
        "HOME" => ": the only writable home",
        ServiceEnvironment.UpstreamUrl => ": the upstream's base address",
        ServiceEnvironment.DataDir => ": where to keep what must survive a restart",
        _ => string.Empty,
    };

    private static string Cpus(SandboxLimits sandbox) =>
        sandbox.RunCpus is { } quota ? $"{quota.ToString("0.##", CultureInfo.InvariantCulture)} of a CPU" : sandbox.CpuSet is { } set ? $"{set.Split(',').Length} CPU (pinned)" : "not limited";

    // Docker's sizes ("64m") in the words of the rest of the README.
    private static string Size(string docker) => docker.EndsWith('m') ? $"{docker[..^1]} MiB" : docker;

    private static string Mb(long bytes) => $"{bytes / (1024 * 1024)} MiB";
}
