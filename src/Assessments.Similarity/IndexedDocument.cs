namespace Assessments.Similarity;

/// <summary>
/// One document of a challenge's similarity index: a candidate's submission or a reference solution
/// (<see cref="ReferenceName"/> is its level), with the token stream it was fingerprinted from.
/// </summary>
public sealed record IndexedDocument(
    int Id,
    Guid? SubmissionId,
    string? ReferenceName,
    Guid? InvitationId,
    int CountedTokens,
    IReadOnlyList<string> Paths,
    byte[] Stream);

/// <summary>A document found through the index, with how many of its fingerprints the new submission has.</summary>
public sealed record Candidate(IndexedDocument Document, int SharedFingerprints);
