using System.Security.Cryptography;
using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Hosts;
using Assessments.Domain.Reports;
using Assessments.Runner.Docker;
using Assessments.Runner.Grading;
using Assessments.Submissions;
using Assessments.Submissions.Sandbox;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.IntegrationTests;

/// <summary>
/// A cached image that a grading is about to run cannot be trimmed from under it by another process,
/// and two processes removing the same images at once both end cleanly: test projects, and workers,
/// share one engine and one cache. A trim between "the image is here" and the service's start once
/// failed the contract engine's mutation test as a platform fault; two trims at once failed the red
/// team's first grading twice (the engine answered the second delete 500 "unrecognized image ID").
/// Two gradings of one new submission at once build it once.
/// </summary>
[Collection(DockerBesideCollection.Name)]
public sealed class ImageCacheHoldTests(DockerFixture docker)
{
    [Fact]
    public async Task A_held_image_survives_a_trim_until_the_gradings_cleanup_and_a_missing_one_is_not_held()
    {
        // given: an image in the cache, as a grading's build leaves it
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var sha = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var gradingId = "hold" + Guid.NewGuid().ToString("n")[..8];
        await BuildCachedImageAsync(key, sha);
        var cache = new ImageCache(docker.Docker, capacity: 1);
        var id = (await docker.Docker.Images.InspectImageAsync(ImageCache.TagFor(key))).ID;
        try
        {
            // when: a grading holds it, and another process removes it as a trim does
            Assert.True(await cache.HoldAsync(key, Labels.For(gradingId, sha), CancellationToken.None));
            var refused = await Assert.ThrowsAsync<DockerApiException>(() => docker.Docker.Images.DeleteImageAsync(id, new ImageDeleteParameters { Force = false }));

            // then: the engine refuses while the grading lasts; after its cleanup the trim may take it
            Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.StatusCode);
            Assert.True(await cache.HasAsync(key, CancellationToken.None));
            Assert.True(await new Reaper(docker.Docker).RemoveAsync(gradingId, CancellationToken.None) >= 1);
            await docker.Docker.Images.DeleteImageAsync(id, new ImageDeleteParameters { Force = false });
            Assert.False(await cache.HasAsync(key, CancellationToken.None));
            Assert.False(await cache.HoldAsync(key, Labels.For(gradingId, sha), CancellationToken.None));
            Assert.Empty(await docker.LeftoversAsync(gradingId));
        }
        finally
        {
            await new Reaper(docker.Docker).RemoveAsync(gradingId, CancellationToken.None);
            await ExternalProcess.RunAsync("docker", ["rmi", "-f", ImageCache.TagFor(key)], TimeSpan.FromMinutes(1));
        }
    }

    [Fact]
    public async Task Two_processes_removing_the_same_images_at_once_both_end_cleanly()
    {
        // given: untagged images, as build steps leave them (about one delete race in twenty answers 500)
        var gradingId = "race" + Guid.NewGuid().ToString("n")[..8];
        var ids = await BuildUntaggedImagesAsync(gradingId, count: 40);
        try
        {
            // when: two reapers remove the same images, in the same order, at the same moment
            var removed = await Task.WhenAll(
                Task.Run(() => new Reaper(docker.Docker).RemoveImagesAsync(ids, CancellationToken.None)),
                Task.Run(() => new Reaper(docker.Docker).RemoveImagesAsync(ids, CancellationToken.None)));

            // then: neither failed, each image went once, and none is left
            Assert.Equal(ids.Count, removed.Sum());
            Assert.Empty(await docker.LeftoversAsync(gradingId));
        }
        finally
        {
            await new Reaper(docker.Docker).RemoveAsync(gradingId, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Two_gradings_of_the_same_new_submission_at_once_build_it_once()
    {
        // given: a submission no grading has seen (the Python starter with a file of its own), so neither finds it cached
        await ToolchainImages.EnsureAsync();
        var challenge = ChallengeLoader.Load(RepositoryPaths.Challenge("api-design"));
        var submission = Directory.CreateTempSubdirectory("assessments-build-once-").FullName;
        var gradingIds = new[] { "once" + Guid.NewGuid().ToString("n")[..8], "once" + Guid.NewGuid().ToString("n")[..8] };
        var slotFolder = Directory.CreateTempSubdirectory("assessments-build-once-slots-").FullName;
        // Two seats on one slot of its own, so that both gradings run at once whatever the test command set.
        var slots = new HostSlots(CpuSlotPlan.For(Environment.ProcessorCount, requested: 1), slotFolder, seats: 2);
        var grader = new Grader(docker.Docker, SandboxLimits.Default, SubmissionLimits.Default, GradingPipeline.Of(), slots: slots);
        try
        {
            foreach (var file in Directory.EnumerateFiles(challenge.StarterDirectoryFor("python")!))
            {
                File.Copy(file, Path.Combine(submission, Path.GetFileName(file)));
            }

            await File.WriteAllTextAsync(Path.Combine(submission, "nonce.txt"), Guid.NewGuid().ToString());

            // when: both start together
            var reports = await Task.WhenAll(gradingIds.Select(id => grader.GradeAsync(new GradingRequest(challenge, submission, GradingId: id), null, CancellationToken.None)));

            // then: one built the image, the other waited for it and ran the same one
            Assert.All(reports, r => Assert.True(r.Status == ReportStatus.Graded, $"{r.Status}: {r.Failure?.Message}"));
            Assert.Equal([false, true], reports.Select(r => r.Environment.ImageReused ?? false).Order());
            Assert.Empty(await docker.LeftoversAsync(gradingIds[0]));
            Assert.Empty(await docker.LeftoversAsync(gradingIds[1]));
        }
        finally
        {
            // The cached image stays: it is the cache's, labelled as such, and its trim removes it in turn.
            Directory.Delete(submission, recursive: true);
            Directory.Delete(slotFolder, recursive: true);
        }
    }

    private static async Task<List<string>> BuildUntaggedImagesAsync(string gradingId, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await BuildAsync(Labels.For(gradingId, new string('0', 64)), "--no-cache", "--label", $"race={i}"));
        }

        return ids;
    }

    private static Task BuildCachedImageAsync(string key, string sha) =>
        BuildAsync(ImageCache.LabelsFor(key, sha), "-t", ImageCache.TagFor(key));

    /// <summary>Builds an image FROM the runtime base with these labels and options; returns its ID.</summary>
    private static async Task<string> BuildAsync(IReadOnlyDictionary<string, string> labels, params string[] options)
    {
        var context = Directory.CreateTempSubdirectory("assessments-image-cache-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n");
            var labelOptions = labels.SelectMany(l => new[] { "--label", $"{l.Key}={l.Value}" });

            // The classic builder, as gradings use it: BuildKit would not leave a plain image per build.
            var (exit, stdout, stderr) = await ExternalProcess.RunAsync(
                "env", ["DOCKER_BUILDKIT=0", "docker", "build", "-q", "--network", "none", .. options, .. labelOptions, context], TimeSpan.FromMinutes(2));
            Assert.True(exit == 0, stderr);
            return stdout.Trim();
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }
}
