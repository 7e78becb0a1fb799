using System.Collections.Concurrent;
using Assessments.Domain.Challenges;
using Assessments.Domain.Challenges.Loading;
using Microsoft.Extensions.Options;

namespace Assessments.Platform.Workers;

/// <summary>The challenges this worker can grade, loaded on first use from its challenges folder.</summary>
public sealed class ChallengeShelf(IOptions<WorkerOptions> options)
{
    private readonly ConcurrentDictionary<string, Challenge> _loaded = new(StringComparer.Ordinal);

    /// <exception cref="InvalidOperationException">The worker has no such challenge (a deployment fault, retried).</exception>
    public Challenge Get(string id)
    {
        return _loaded.GetOrAdd(id, key =>
        {
            var folder = Path.Combine(Path.GetFullPath(options.Value.ChallengesPath), key);
            if (key.Contains('/') || key.Contains("..") || !Directory.Exists(folder))
            {
                throw new InvalidOperationException($"this worker has no challenge '{key}' in {options.Value.ChallengesPath}");
            }

            return ChallengeLoader.Load(folder);
        });
    }
}
