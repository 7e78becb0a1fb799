using System.Text.Json;
using Assessments.Domain.Performance;

namespace Assessments.Runner.Grading.Baselines;

/// <summary>
/// Baselines kept per machine in <c>${XDG_CACHE_HOME:-~/.cache}/assessments/baselines</c>, one JSON file
/// per key, so that a reference is measured once a day rather than in every grading.
/// </summary>
public sealed class BaselineStore(string directory)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static BaselineStore Default { get; } = new(DefaultDirectory());

    public string Directory { get; } = directory;

    /// <summary>The stored figures for this key when there are some younger than <paramref name="maxAge"/>.</summary>
    public BaselineFigures? Find(BaselineKey key, TimeSpan maxAge, DateTimeOffset now)
    {
        var path = Path.Combine(Directory, key.FileName);
        try
        {
            var stored = File.Exists(path) ? JsonSerializer.Deserialize<StoredBaseline>(File.ReadAllText(path), Options) : null;
            return stored is not null && stored.Key == key && now - stored.Figures.MeasuredAt <= maxAge && stored.Figures.MeasuredAt <= now
                ? stored.Figures
                : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            // A damaged or half-written file is only a lost cache entry: measure again.
            return null;
        }
    }

    public void Save(BaselineKey key, BaselineFigures figures)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, key.FileName);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new StoredBaseline(key, figures), Options));
        File.Move(temporary, path, overwrite: true);
    }

    private static string DefaultDirectory()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache))
        {
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return Path.Combine(cache, "assessments", "baselines");
    }

    private sealed record StoredBaseline(BaselineKey Key, BaselineFigures Figures);
}
