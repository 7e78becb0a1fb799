using Assessments.Client;

namespace Assessments.Server.Tests.Support;

/// <summary>Uploading as a candidate, and what an upload may leave behind: rows and temporary folders.</summary>
public static class Uploads
{
    public static async Task<CreatedInvitation> NewCandidateAsync(PlatformSeed seed, string name) =>
        await seed.Factory.ClientFor(seed.InterviewerToken).CreateInvitationAsync(new CreateInvitationRequest("api-design", name));

    public static async Task<HttpResponseMessage> PostAsync(PlatformSeed seed, string token, byte[] archive)
    {
        using var http = seed.Factory.HttpFor(token);
        var content = new ByteArrayContent(archive);
        content.Headers.ContentType = new("application/octet-stream");
        return await http.PostAsync("/api/me/submissions", content);
    }

    public static async Task<(long Submissions, long Jobs)> CountsAsync(TestDatabase database) =>
        (await database.CountAsync("submissions"), await database.CountAsync("grading_jobs"));

    public static HashSet<string> TempFolders() =>
        Directory.GetDirectories(Path.GetTempPath(), "assess-upload-*").Concat(Directory.GetDirectories(Path.GetTempPath(), "assess-submission-*")).ToHashSet();
}
