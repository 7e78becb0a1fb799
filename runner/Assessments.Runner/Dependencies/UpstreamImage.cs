using System.Text.RegularExpressions;
using Assessments.Runner.Docker;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.Runner.Dependencies;

/// <summary>
/// The stub's image, built once per machine from its embedded sources with the seeded base images (no
/// network) and kept as a cache: it is labelled as a tool, not as a grading's, so reapers leave it.
/// </summary>
internal sealed partial class UpstreamImage(IDockerClient docker)
{
    public const string ToolLabel = "org.assessments.tool";
    private static readonly SemaphoreSlim Building = new(1, 1);

    public static string Tag => $"assessments/upstream:{UpstreamSources.Hash}";

    [GeneratedRegex(@"^ ---> ([0-9a-f]{12,64})\s*$", RegexOptions.Multiline)]
    private static partial Regex StepImage();

    public async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        await Building.WaitAsync(cancellationToken);
        try
        {
            if (await ExistsAsync(cancellationToken))
            {
                return Tag;
            }

            await BuildAsync(cancellationToken);
            return Tag;
        }
        finally
        {
            Building.Release();
        }
    }

    private async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await docker.Images.InspectImageAsync(Tag, cancellationToken);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }

    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        var steps = new List<string>();
        var log = new List<string>();
        string? error = null;
        var progress = new SynchronousProgress<JSONMessage>(message =>
        {
            if (message.Stream is { } text)
            {
                log.Add(text);
                steps.AddRange(StepImage().Matches(text).Select(m => m.Groups[1].Value));
            }

            error ??= message.Error?.Message ?? (string.IsNullOrEmpty(message.ErrorMessage) ? null : message.ErrorMessage);
        });

        using var context = UpstreamSources.BuildContext();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await docker.Images.BuildImageFromDockerfileAsync(
                new ImageBuildParameters
                {
                    Tags = [Tag],
                    Labels = new Dictionary<string, string> { [ToolLabel] = "upstream" },
                    NetworkMode = "none",
                    NoCache = true,
                    Remove = true,
                    ForceRemove = true,
                },
                context,
                [],
                new Dictionary<string, string>(),
                progress,
                timeout.Token);
        }
        catch (Exception e) when (e is DockerApiException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new InfrastructureException($"the upstream stub's image could not be built: {e.Message}", e);
        }
        finally
        {
            // The build stage's images carry no tag; the final image's parents are kept by the engine.
            await new Reaper(docker).RemoveImagesAsync(steps, CancellationToken.None);
        }

        if (error is not null)
        {
            throw new InfrastructureException($"the upstream stub's image could not be built: {error}\n{string.Concat(log.TakeLast(20))}");
        }
    }
}
