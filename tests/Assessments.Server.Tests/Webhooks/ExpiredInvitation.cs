using Assessments.Client;

namespace Assessments.Server.Tests.Webhooks;

/// <summary>
/// The cheapest real event: an invitation whose expiry has passed. The sender's expiry scan records
/// invitation.expired and the database fans it out to every endpoint subscribed at that moment; no worker needed.
/// </summary>
public static class ExpiredInvitation
{
    public static async Task<Guid> CreateAsync(PlatformFactory server, string candidateName)
    {
        var invitation = await server.ClientFor(PlatformFactory.AdminToken).CreateInvitationAsync(new CreateInvitationRequest("api-design", candidateName));
        await using var expire = server.Database.DataSource.CreateCommand("update invitations set expires_at = now() - interval '1 minute' where id = $1");
        expire.Parameters.AddWithValue(invitation.Id);
        await expire.ExecuteNonQueryAsync();
        return invitation.Id;
    }
}
