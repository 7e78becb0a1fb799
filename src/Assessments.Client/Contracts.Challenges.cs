namespace Assessments.Client;

public sealed record ChallengeSummary(string Id, string Version, string Title);

/// <summary>A challenge with its candidate brief (Markdown) and the levels of its calibration set.</summary>
public sealed record ChallengeDetail(string Id, string Version, string Title, string Brief, IReadOnlyList<string> ReferenceLevels);
