using System.Net;
using Assessments.Runner.Docker;
using Docker.DotNet;

namespace Assessments.UnitTests.Docker;

/// <summary>Which engine answers mean "another process removed the image", so a trim or a hold treats them as gone, not as a platform fault.</summary>
public sealed class ImageGoneTests
{
    [Theory]
    [InlineData(HttpStatusCode.NotFound, "{\"message\":\"No such image: assessments-cache/build:1\"}", true)]
    [InlineData(HttpStatusCode.InternalServerError, "{\"message\":\"unrecognized image ID sha256:1fc903f5219004289a06ae0251681cc009f631f2e83b43cb7576e90fcd8e45b8\"}", true)]
    [InlineData(HttpStatusCode.InternalServerError, "{\"message\":\"No such image: sha256:9739\"}", true)]
    [InlineData(HttpStatusCode.InternalServerError, "{\"message\":\"write /var/lib/docker: no space left on device\"}", false)]
    [InlineData(HttpStatusCode.Conflict, "{\"message\":\"image is being used by stopped container 4c1\"}", false)]
    public void Only_an_image_that_is_no_longer_there_counts_as_gone(HttpStatusCode status, string body, bool gone) =>
        Assert.Equal(gone, ImageGone.Is(new DockerApiException(status, body)));
}
