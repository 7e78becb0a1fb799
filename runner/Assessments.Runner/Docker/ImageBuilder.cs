using System.Text.RegularExpressions;
using Assessments.Runner.Grading;
using Assessments.Runner.Logs;
using Assessments.Submissions.Sandbox;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.Runner.Docker;

/// <summary>
/// Builds a submission's image with the classic builder: no network, memory and CPU capped, no cache,
/// intermediate containers always removed, a time limit, and the log kept within its budget.
/// </summary>
internal sealed partial class ImageBuilder(IDockerClient docker, SandboxLimits limits)
{
    [GeneratedRegex(@"(error [A-Z]+[0-9]+|: error|^error:|ERROR|returned a non-zero code|not found|failed)", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"^ ---> ([0-9a-f]{12,64})\s*$", RegexOptions.Multiline)]
    private static partial Regex StepImage();

    /// <summary>
    /// Builds the image. Every image a build step creates is added to <paramref name="createdImages"/>
    /// as it appears: only the final image carries the grading's labels, so this list is how the
    /// untagged images of earlier stages are found and removed afterwards, even when the build fails.
    /// </summary>
    public async Task<IReadOnlyList<string>> BuildAsync(
        Stream context, string tag, IDictionary<string, string> labels, ICollection<string> createdImages, CancellationToken cancellationToken)
    {
        var log = new BoundedLog(limits.BuildLogMaxBytes);
        string? error = null;
        var progress = new SynchronousProgress<JSONMessage>(message =>
        {
            log.Append(message.Stream);
            // Base images named by FROM show up here too; the reaper leaves every tagged image alone.
            foreach (Match step in StepImage().Matches(message.Stream ?? string.Empty))
            {
                createdImages.Add(step.Groups[1].Value);
            }

            if (message.Error is not null || !string.IsNullOrEmpty(message.ErrorMessage))
            {
                error = message.Error?.Message ?? message.ErrorMessage;
                log.Append(error + "\n");
            }
        });

        var parameters = new ImageBuildParameters
        {
            Tags = [tag],
            Labels = labels,
            NetworkMode = "none",
            Memory = limits.BuildMemoryBytes,
            MemorySwap = limits.BuildMemoryBytes,
            CPUPeriod = 100_000,
            CPUQuota = (long)(limits.BuildCpus * 100_000),
            CPUSetCPUs = SandboxLimits.Usable(limits.BuildCpuSet),
            NoCache = true,
            Remove = true,
            ForceRemove = true,
            Pull = null,
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.BuildTimeout);
        try
        {
            await docker.Images.BuildImageFromDockerfileAsync(parameters, context, [], new Dictionary<string, string>(), progress, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failed($"the build did not finish within {limits.BuildTimeout.TotalMinutes:0.#} minutes", log);
        }
        catch (DockerApiException e) when ((int)e.StatusCode is >= 400 and < 500)
        {
            // The engine refused the build request itself (bad Dockerfile syntax, unknown base image).
            log.Append(e.ResponseBody + "\n");
            throw Failed($"the engine rejected the build: {Summarise(e.ResponseBody)}", log);
        }
        catch (DockerApiException e)
        {
            throw new InfrastructureException($"the Docker engine failed during the build: {e.Message}", e);
        }

        if (error is not null)
        {
            throw Failed(error, log);
        }

        return log.Tail(limits.LogTailLines);
    }

    private BuildFailedException Failed(string reason, BoundedLog log)
    {
        var lines = log.Lines;
        var errors = lines.Where(l => ErrorLine().IsMatch(l)).Distinct().Take(20).ToList();
        return new BuildFailedException(reason, log.Tail(limits.LogTailLines), errors);
    }

    private static string Summarise(string body) => body.Length > 300 ? body[..300] + "…" : body.Trim();
}
