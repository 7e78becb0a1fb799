using System.IO.Compression;
using System.Text;
using Assessments.Domain.Challenges;
using Assessments.Domain.Kits;
using Assessments.Submissions.Sandbox;

namespace Assessments.Submissions.Kits;

/// <summary>
/// The one download a candidate needs: the brief, the contract, the starter, the visible checks
/// (readable in CHECKS.md, runnable by <c>assess check</c>) and a README of how the service is built
/// and run, all under one folder named after the challenge. The kit is itself a challenge folder
/// holding only what a candidate may see: no reference, no sample, no hidden scenario, no level gate.
/// </summary>
public static class CandidateKit
{
    /// <summary>Build outputs a starter may hold on the machine that serves it; they never belong in a kit.</summary>
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", ".git", "__pycache__"];

    /// <summary>Every file of the kit by its path inside the kit folder, in a stable order.</summary>
    public static IReadOnlyList<KeyValuePair<string, byte[]>> Files(Challenge challenge, SandboxLimits? sandbox = null, SubmissionLimits? intake = null)
    {
        var limits = (sandbox ?? SandboxLimits.Default).With(challenge.Sandbox);
        var visible = VisibleRubric.From(challenge.Rubric, id => VisibleChecks.IsVisible(challenge, id));
        var (scenarios, steps) = KitSpecFiles.Scenarios(File.ReadAllText(Path.Combine(challenge.Directory, ChallengeFiles.Scenarios)));
        var files = new List<KeyValuePair<string, byte[]>>
        {
            Text("README.md", KitReadme.Render(challenge, limits, intake ?? SubmissionLimits.Default)),
            new(ChallengeFiles.Brief, File.ReadAllBytes(challenge.BriefPath)),
            new(ChallengeFiles.Contract, File.ReadAllBytes(challenge.ContractPath)),
            Text("CHECKS.md", KitChecksDocument.Render(challenge, visible, steps)),
            Text(ChallengeFiles.Manifest, KitSpecFiles.Manifest(File.ReadAllText(Path.Combine(challenge.Directory, ChallengeFiles.Manifest)))),
            Text(ChallengeFiles.Scenarios, scenarios),
            Text(ChallengeFiles.Rubric, KitSpecFiles.Rubric(visible)),
        };

        if (challenge.Upstream is not null && UpstreamDataFile(challenge) is { } data)
        {
            files.Add(new(data, File.ReadAllBytes(Path.Combine(challenge.Directory, data))));
        }

        AddFolder(files, challenge.StarterDirectory, ChallengeFiles.Starter);
        AddFolder(files, Path.Combine(challenge.Directory, ChallengeFiles.Starters), ChallengeFiles.Starters);
        return files;
    }

    private static void AddFolder(List<KeyValuePair<string, byte[]>> files, string folder, string prefix)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            if (!relative.Split('/').Any(part => SkippedFolders.Contains(part, StringComparer.Ordinal)))
            {
                files.Add(new($"{prefix}/{relative}", File.ReadAllBytes(path)));
            }
        }
    }

    /// <summary>The kit as a zip whose entries sit under one folder named after the challenge.</summary>
    public static byte[] Zip(Challenge challenge)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in Files(challenge))
            {
                using var entry = zip.CreateEntry($"{challenge.Id}/{path}", CompressionLevel.Optimal).Open();
                entry.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Writes the kit into a folder (tests, and <c>assess check</c> after a download).</summary>
    public static void WriteTo(Challenge challenge, string folder)
    {
        foreach (var (path, bytes) in Files(challenge))
        {
            var target = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, bytes);
        }
    }

    // The manifest names the data file relative to the challenge folder; the kit keeps that name.
    private static string? UpstreamDataFile(Challenge challenge)
    {
        var manifest = File.ReadAllText(Path.Combine(challenge.Directory, ChallengeFiles.Manifest));
        var node = Domain.Challenges.Loading.YamlJson.Parse(manifest);
        return node?["upstream"]?["data"]?.GetValue<string>();
    }

    private static KeyValuePair<string, byte[]> Text(string path, string text) => new(path, Encoding.UTF8.GetBytes(text));
}
