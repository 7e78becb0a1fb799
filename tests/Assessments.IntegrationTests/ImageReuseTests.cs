using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Reports;
using Assessments.Runner.Grading;
using Assessments.Runner.Images;
using Assessments.Runner.Sandbox;
using Assessments.Runner.Submissions;
using Docker.DotNet.Models;

namespace Assessments.IntegrationTests;

/// <summary>
/// Image reuse for real: in a scope, the same files on the same base images are built once and the
/// image is kept; one changed byte builds again; the scope's end removes what it kept.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class ImageReuseTests(DockerFixture docker) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assess-reuse-").FullName;

    [Fact]
    public async Task The_same_files_are_built_once_in_a_scope_a_changed_file_is_built_again_and_the_scope_removes_its_images()
    {
        // given a scope of this process's own (apart from the test command's) and a small submission
        var scope = ImageReuse.OfThisProcess();
        var challenge = ChallengeLoader.Load(RepositoryPaths.Challenge("api-design"));
        var listener = Copy(Path.Combine(AppContext.BaseDirectory, "Submissions", "ops-plain-listener"), "listener");
        var changed = Copy(listener, "changed");
        File.AppendAllText(Path.Combine(changed, "Program.cs"), "\n// one more line\n");
        try
        {
            // when the same files are graded twice, then changed files once
            var first = await GradeAsync(challenge, listener, scope);
            var again = await GradeAsync(challenge, listener, scope);
            var other = await GradeAsync(challenge, changed, scope);

            // then the second grading built nothing and ran the kept image; the changed files were built
            Assert.DoesNotContain(first.BuildLogTail, l => l.StartsWith("nothing built", StringComparison.Ordinal));
            Assert.StartsWith("nothing built: image ", Assert.Single(again.BuildLogTail), StringComparison.Ordinal);
            Assert.Contains($"sha256 {first.Submission.Sha256}", again.BuildLogTail[0], StringComparison.Ordinal);
            Assert.True(again.Timings.PhasesMs[Phases.Build] < first.Timings.PhasesMs[Phases.Build] / 2, $"build phase {again.Timings.PhasesMs[Phases.Build]} ms, first {first.Timings.PhasesMs[Phases.Build]} ms");
            Assert.NotEqual(first.Submission.Sha256, other.Submission.Sha256);
            Assert.DoesNotContain(other.BuildLogTail, l => l.StartsWith("nothing built", StringComparison.Ordinal));
            Assert.Equal(2, (await KeptAsync(scope)).Count);
        }
        finally
        {
            await scope.RemoveAllAsync(docker.Docker, CancellationToken.None);
        }

        // and the scope's end leaves nothing
        Assert.Empty(await KeptAsync(scope));
    }

    [Fact]
    public async Task Without_a_scope_the_image_goes_with_the_grading()
    {
        var challenge = ChallengeLoader.Load(RepositoryPaths.Challenge("api-design"));
        var listener = Copy(Path.Combine(AppContext.BaseDirectory, "Submissions", "ops-plain-listener"), "alone");
        var gradingId = "ir" + Guid.NewGuid().ToString("n")[..10];

        var report = await new Grader(docker.Docker, SandboxLimits.Default, SubmissionLimits.Default, [])
            .GradeAsync(new GradingRequest(challenge, listener, GradingId: gradingId), null, CancellationToken.None);

        Assert.True(report.Status == ReportStatus.Graded, $"{report.Status}: {report.Failure?.Message}");
        Assert.Empty(await docker.LeftoversAsync(gradingId));
        var images = await docker.Docker.Images.ListImagesAsync(new ImagesListParameters { All = true });
        Assert.DoesNotContain(images, i => i.RepoTags?.Any(t => t.Contains(gradingId, StringComparison.Ordinal)) == true);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<GradingReport> GradeAsync(Domain.Challenges.Challenge challenge, string submission, ImageReuse scope)
    {
        var gradingId = "ir" + Guid.NewGuid().ToString("n")[..10];
        var report = await new Grader(docker.Docker, SandboxLimits.Default, SubmissionLimits.Default, [])
            .GradeAsync(new GradingRequest(challenge, submission, GradingId: gradingId) { ImageReuse = scope }, null, CancellationToken.None);
        Assert.True(report.Status == ReportStatus.Graded, $"{report.Status}: {report.Failure?.Message}");
        Assert.Empty(await docker.LeftoversAsync(gradingId));
        return report;
    }

    private async Task<IList<ImagesListResponse>> KeptAsync(ImageReuse scope) =>
        await docker.Docker.Images.ListImagesAsync(new ImagesListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ImageReuse.ScopeLabel}={scope.Pid}"] = true },
            },
        });

    private string Copy(string source, string name)
    {
        var target = Path.Combine(_root, name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }
}
