using Assessments.Client;

namespace Assessments.Web.Tests.Support;

/// <summary>Candidates made through the API: an invitation, and when asked an upload waiting in the queue.</summary>
public static class Candidates
{
    public static async Task<CreatedInvitation> InviteAsync(WebPlatform platform, string name) =>
        await platform.Admin.CreateInvitationAsync(new CreateInvitationRequest("api-design", name));

    public static async Task<(CreatedInvitation Invitation, Guid Submission)> WithUploadAsync(WebPlatform platform, string name)
    {
        var invitation = await InviteAsync(platform, name);
        using var archive = new MemoryStream(Archives.Zip(("Dockerfile", Archives.Dockerfile)));
        var status = await AssessmentsClient.Create(platform.BaseAddress, invitation.Token).UploadSubmissionAsync(archive);
        return (invitation, status.Id);
    }
}
