using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Assessments.Domain.Challenges;
using Assessments.Insight.Similarity;

namespace Assessments.Similarity;

/// <summary>
/// A challenge's starter kits (every language) as similarity sees them: every k-gram of it (excluded from every
/// submission, since every candidate was handed it) and a hash of its sources, kept with each
/// document so that a changed kit is noticed. Read once per challenge folder.
/// </summary>
public static class ChallengeFingerprints
{
    private static readonly ConcurrentDictionary<string, Starter> Cache = new(StringComparer.Ordinal);

    public static Starter StarterOf(Challenge challenge) => Cache.GetOrAdd(challenge.StarterDirectory, _ =>
    {
        var files = SimilarityIndex.StarterFiles(challenge.StarterLanguages.Select(challenge.StarterDirectoryFor).OfType<string>());
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{file.Path}\0{file.Text}\0"));
        }

        return new Starter(Fingerprint.AllKGrams(TokenStream.Of(files), SimilarityAlgorithm.Options), Convert.ToHexStringLower(sha.GetHashAndReset()));
    });

    public static Fingerprint Of(string name, TokenStream tokens, Starter starter) => Fingerprint.Of(name, tokens, starter.KGrams, SimilarityAlgorithm.Options);

    public sealed record Starter(IReadOnlySet<ulong> KGrams, string Sha256);
}
