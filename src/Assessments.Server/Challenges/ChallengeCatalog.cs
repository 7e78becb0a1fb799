using System.IO.Compression;
using Assessments.Domain.Challenges;
using Assessments.Domain.Challenges.Loading;
using Assessments.Server.Hosting;
using Assessments.Submissions.Kits;
using Microsoft.Extensions.Options;

namespace Assessments.Server.Challenges;

/// <summary>The challenges the server offers, loaded (and checked) once from the challenges folder.</summary>
public sealed partial class ChallengeCatalog
{
    private readonly Dictionary<string, Challenge> _challenges = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _kits = new(StringComparer.Ordinal);

    public ChallengeCatalog(IOptions<ServerOptions> options, ILogger<ChallengeCatalog> logger)
    {
        var root = Path.GetFullPath(options.Value.ChallengesPath);
        if (!Directory.Exists(root))
        {
            LogMissingFolder(logger, root);
            return;
        }

        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(folder, ChallengeFiles.Manifest)))
            {
                continue;
            }

            try
            {
                var challenge = ChallengeLoader.Load(folder);
                _challenges[challenge.Id] = challenge;
            }
            catch (InvalidChallengeException e)
            {
                LogInvalid(logger, folder, e.Message);
            }
        }
    }

    public IReadOnlyCollection<Challenge> All => _challenges.Values;

    public Challenge? Find(string id) => _challenges.GetValueOrDefault(id);

    /// <summary>The candidate kit of a challenge, built once: the challenge folder does not change while the server runs.</summary>
    public byte[] Kit(Challenge challenge) => _kits.GetOrAdd(challenge.Id, _ => CandidateKit.Zip(challenge));

    public static string Brief(Challenge challenge) => File.Exists(challenge.BriefPath) ? File.ReadAllText(challenge.BriefPath) : string.Empty;

    /// <summary>A folder as a zip archive in memory (starter kits, reference solutions for calibration).</summary>
    public static byte[] Zip(string folder)
    {
        using var buffer = new MemoryStream();
        ZipFile.CreateFromDirectory(folder, buffer, CompressionLevel.Optimal, includeBaseDirectory: false);
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The challenges folder {Folder} does not exist; no challenge is offered")]
    private static partial void LogMissingFolder(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Challenge folder {Folder} is invalid and not offered: {Problems}")]
    private static partial void LogInvalid(ILogger logger, string folder, string problems);
}
