using System.Security.Cryptography;
using Assessments.Runner.Docker;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Assessments.IntegrationTests;

/// <summary>
/// A cached image that a grading is about to run cannot be trimmed from under it by another process:
/// test projects, and workers, share one engine and one cache, and a trim between "the image is here"
/// and the service's start once failed the contract engine's mutation test as a platform fault.
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

    private static async Task BuildCachedImageAsync(string key, string sha)
    {
        var context = Directory.CreateTempSubdirectory("assessments-cache-hold-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n");
            var labels = ImageCache.LabelsFor(key, sha).SelectMany(l => new[] { "--label", $"{l.Key}={l.Value}" });
            var (exit, _, stderr) = await ExternalProcess.RunAsync("docker", ["build", "-q", "--network", "none", "-t", ImageCache.TagFor(key), .. labels, context], TimeSpan.FromMinutes(2));
            Assert.True(exit == 0, stderr);
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }
}
