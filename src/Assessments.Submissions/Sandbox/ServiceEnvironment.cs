namespace Assessments.Submissions.Sandbox;

/// <summary>
/// The environment every candidate service starts with. One list for the container and for the
/// candidate kit's README, so what the kit promises is what the runner does.
/// </summary>
public static class ServiceEnvironment
{
    /// <summary>The variables set whatever the challenge (the challenge adds <c>UPSTREAM_URL</c>, <c>DATA_DIR</c>).</summary>
    /// <remarks>The briefs' port promise: PORT and ASPNETCORE_HTTP_PORTS name the challenge's port and replace an ENV of
    /// those names in the image; only a port fixed in code or ASPNETCORE_URLS escapes them.</remarks>
    public static IReadOnlyList<KeyValuePair<string, string>> For(int port) =>
    [
        new("PORT", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("ASPNETCORE_HTTP_PORTS", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("HOME", "/tmp"),
        new("DOTNET_CLI_TELEMETRY_OPTOUT", "1"),
    ];

    public const string UpstreamUrl = "UPSTREAM_URL";

    /// <summary>Where the candidate's service reaches the upstream stub's data plane (the stub's network alias).</summary>
    public const string UpstreamAddress = "http://upstream:8080";

    public const string DataDir = "DATA_DIR";

    /// <summary>Everything a service of this challenge finds in its environment, in the order it is set.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> For(Assessments.Domain.Challenges.Challenge challenge)
    {
        var all = For(challenge.Service.Port).ToList();
        if (challenge.Upstream is not null)
        {
            all.Add(new(UpstreamUrl, UpstreamAddress));
        }

        if (challenge.Service.DataVolume is { } target)
        {
            all.Add(new(DataDir, target));
        }

        return all;
    }

    public static string[] Lines(int port) => For(port).Select(v => $"{v.Key}={v.Value}").ToArray();
}
