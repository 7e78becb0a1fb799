using System.Net;
using Docker.DotNet;

namespace Assessments.Runner.Docker;

/// <summary>
/// The engine's ways of saying an image is no longer there. Besides 404, an image removed by another
/// process while a call was under way answers 500 "unrecognized image ID" (the name or ID still
/// resolved, the image record no longer did) or "No such image". Seen with two processes trimming
/// the image cache at once, and with a hold created during a trim: the red team grades three
/// submissions at once beside a calibration.
/// </summary>
internal static class ImageGone
{
    public static bool Is(DockerApiException e) =>
        e.StatusCode == HttpStatusCode.NotFound
        || (e.StatusCode == HttpStatusCode.InternalServerError
            && (e.ResponseBody?.Contains("unrecognized image ID", StringComparison.Ordinal) == true
                || e.ResponseBody?.Contains("No such image", StringComparison.Ordinal) == true));
}
