using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;

namespace Assessments.Domain.Challenges.Loading;

/// <summary>
/// Reads a challenge folder and checks it whole: every file, every cross-reference (criteria naming
/// checks, levels naming criteria, references naming levels), reporting all problems together.
/// </summary>
public static class ChallengeLoader
{
    /// <summary>Loads the challenge or throws <see cref="InvalidChallengeException"/> with every problem.</summary>
    public static Challenge Load(string directory)
    {
        var (challenge, problems) = Validate(directory);
        return challenge ?? throw new InvalidChallengeException(directory, problems);
    }

    /// <summary>Reads the challenge and returns it (when usable) with every problem found.</summary>
    public static (Challenge? Challenge, IReadOnlyList<ChallengeProblem> Problems) Validate(string directory)
    {
        var problems = new ProblemList();
        if (!Directory.Exists(directory))
        {
            problems.Add(directory, string.Empty, "challenge folder does not exist");
            return (null, problems.All);
        }

        var manifest = DocumentReader.Read<ManifestDocument>(directory, ChallengeFiles.Manifest, problems);
        var scenariosDoc = DocumentReader.Read<ScenariosDocument>(directory, ChallengeFiles.Scenarios, problems);
        var rubricDoc = DocumentReader.Read<RubricDocument>(directory, ChallengeFiles.Rubric, problems);

        foreach (var file in new[] { ChallengeFiles.Brief, ChallengeFiles.Contract })
        {
            if (!File.Exists(Path.Combine(directory, file)))
            {
                problems.Add(file, string.Empty, "file is missing");
            }
        }

        if (!File.Exists(Path.Combine(directory, ChallengeFiles.Starter, ChallengeFiles.Dockerfile)))
        {
            problems.Add($"{ChallengeFiles.Starter}/{ChallengeFiles.Dockerfile}", string.Empty, "the starter kit needs a Dockerfile");
        }

        var service = manifest is null ? null : ManifestMapper.Service(manifest, problems);
        var references = manifest is null ? [] : ManifestMapper.References(directory, manifest, problems);
        var samples = manifest is null ? [] : ManifestMapper.Samples(directory, manifest, problems);
        var contract = manifest is null ? ContractSettings.Default : ManifestMapper.Contract(manifest, problems);
        var load = manifest?.Load is null ? null : LoadProfileMapper.Map(manifest.Load, references, problems);
        var operations = manifest?.Operations is null ? null : OperationsMapper.Map(manifest.Operations, problems);
        var sandbox = manifest?.Sandbox is null ? SandboxOverrides.None : SandboxMapper.Map(manifest.Sandbox, problems);
        var upstream = manifest?.Upstream is null ? null : DependencyMapper.Upstream(directory, manifest.Upstream, problems);
        var dataVolume = DependencyMapper.DataVolume(manifest?.Service, problems);
        var scenarios = scenariosDoc is null ? [] : ScenarioMapper.Map(scenariosDoc, problems, hasUpstream: manifest?.Upstream is not null);
        var rubric = rubricDoc is null ? null : RubricMapper.Map(rubricDoc, scenarios.Select(s => s.Id), problems);

        if (problems.All.Count > 0 || manifest is null || service is null || rubric is null)
        {
            return (null, problems.All);
        }

        var challenge = new Challenge(manifest.Id!, manifest.Version!, manifest.Title!, Path.GetFullPath(directory), service, scenarios, rubric, references, samples) { Contract = contract, Load = load, Sandbox = sandbox, Operations = operations };
        challenge = challenge with { Service = service with { DataVolume = dataVolume }, Upstream = upstream };
        return (challenge, problems.All);
    }
}

internal static class ManifestMapper
{
    private const string File = ChallengeFiles.Manifest;

    public static ServiceSpec? Service(ManifestDocument doc, ProblemList problems)
    {
        problems.Require(doc.Id, File, "id", "challenge id");
        problems.Require(doc.Version, File, "version", "challenge version");
        problems.Require(doc.Title, File, "title", "challenge title");
        if (doc.Id is not null && !Identifiers.IsValid(doc.Id))
        {
            problems.Add(File, "id", $"'{doc.Id}' must be lower-case letters, digits and dashes");
        }

        if (!problems.Require(doc.Service, File, "service", "service section"))
        {
            return null;
        }

        var s = doc.Service!;
        var port = s.Port ?? 8080;
        if (port is < 1 or > 65535)
        {
            problems.Add(File, "service.port", $"{port} is not a TCP port");
        }

        var readiness = s.Readiness ?? "/health";
        if (!readiness.StartsWith('/'))
        {
            problems.Add(File, "service.readiness", $"'{readiness}' must be a path starting with '/'");
        }

        var readinessSeconds = s.ReadinessTimeoutSeconds ?? 60;
        var requestSeconds = s.RequestTimeoutSeconds ?? 5;
        if (readinessSeconds is < 1 or > 600)
        {
            problems.Add(File, "service.readinessTimeoutSeconds", "must be between 1 and 600");
        }

        if (requestSeconds is < 1 or > 60)
        {
            problems.Add(File, "service.requestTimeoutSeconds", "must be between 1 and 60");
        }

        return new ServiceSpec(port, readiness, TimeSpan.FromSeconds(readinessSeconds), TimeSpan.FromSeconds(requestSeconds));
    }

    public static IReadOnlyList<ReferenceSolution> References(string directory, ManifestDocument doc, ProblemList problems)
    {
        // The primary references come first, so that whatever looks a level up (the load baseline) finds
        // the one under references: before any further one.
        var references = new List<ReferenceSolution>();
        foreach (var (levelName, relative) in doc.References ?? [])
        {
            var where = $"references.{levelName}";
            if (!LevelNames.TryParse(levelName, out var level))
            {
                problems.Add(File, where, $"'{levelName}' is not a level (not-yet, junior, engineer-ii, senior)");
                continue;
            }

            if (Folder(directory, relative, where, problems) is { } path)
            {
                references.Add(new ReferenceSolution(level, path));
            }
        }

        var more = doc.MoreReferences ?? [];
        for (var i = 0; i < more.Count; i++)
        {
            if (MoreReference(directory, more[i], $"moreReferences[{i}]", references, problems) is { } reference)
            {
                references.Add(reference);
            }
        }

        return references;
    }

    private static ReferenceSolution? MoreReference(string directory, MoreReferenceDocument doc, string where, List<ReferenceSolution> earlier, ProblemList problems)
    {
        if (!problems.Require(doc.Level, File, $"{where}.level", "the reference's level") | !problems.Require(doc.Path, File, $"{where}.path", "the reference's folder")
            | !problems.Require(doc.Language, File, $"{where}.language", "the reference's language (it names the reference, e.g. 'senior (go)')"))
        {
            return null;
        }

        if (!LevelNames.TryParse(doc.Level, out var level))
        {
            problems.Add(File, $"{where}.level", $"'{doc.Level}' is not a level (not-yet, junior, engineer-ii, senior)");
            return null;
        }

        if (!Identifiers.IsValid(doc.Language!))
        {
            problems.Add(File, $"{where}.language", $"'{doc.Language}' must be lower-case letters, digits and dashes");
            return null;
        }

        // A further reference sits beside its level's primary one and never stands in for it: the load
        // baseline measures only primaries, so a level without one would have nothing to fall back on.
        if (!earlier.Any(r => r.IsPrimary && r.ExpectedLevel == level))
        {
            problems.Add(File, $"{where}.level", $"'{doc.Level}' has no reference under references; add the primary one there first");
        }

        if (earlier.Any(r => r.ExpectedLevel == level && r.Language == doc.Language))
        {
            problems.Add(File, $"{where}.language", $"a '{doc.Level} ({doc.Language})' reference is listed twice");
            return null;
        }

        return Folder(directory, doc.Path!, $"{where}.path", problems) is { } path ? new ReferenceSolution(level, path) { Language = doc.Language } : null;
    }

    private static string? Folder(string directory, string relative, string where, ProblemList problems)
    {
        var path = Path.GetFullPath(Path.Combine(directory, relative));
        if (!Directory.Exists(path))
        {
            problems.Add(File, where, $"'{relative}' does not exist");
            return null;
        }

        if (!System.IO.File.Exists(Path.Combine(path, ChallengeFiles.Dockerfile)))
        {
            problems.Add(File, where, $"'{relative}' has no Dockerfile");
            return null;
        }

        return path;
    }

    public static ContractSettings Contract(ManifestDocument doc, ProblemList problems)
    {
        var visible = doc.Contract?.Visible ?? [];
        for (var i = 0; i < visible.Count; i++)
        {
            if (!ContractChecks.All.Contains(visible[i]))
            {
                problems.Add(File, $"contract.visible[{i}]", $"'{visible[i]}' is not a contract check ({string.Join(", ", ContractChecks.All)})");
            }
        }

        return new ContractSettings(visible.ToHashSet(StringComparer.Ordinal));
    }

    private static readonly string[] Statuses = ["graded", "build_failed", "start_failed", "rejected"];

    public static IReadOnlyList<SampleSubmission> Samples(string directory, ManifestDocument doc, ProblemList problems)
    {
        var samples = new List<SampleSubmission>();
        var list = doc.Samples ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var s = list[i];
            var where = $"samples[{i}]";
            if (!problems.Require(s.Name, File, $"{where}.name", "sample name") | !problems.Require(s.Path, File, $"{where}.path", "sample path")
                | !problems.Require(s.Expect, File, $"{where}.expect", "expected level or status"))
            {
                continue;
            }

            if (!LevelNames.TryParse(s.Expect, out _) && !Statuses.Contains(s.Expect))
            {
                problems.Add(File, $"{where}.expect", $"'{s.Expect}' is neither a level nor a status ({string.Join(", ", Statuses)})");
            }

            var path = Path.GetFullPath(Path.Combine(directory, s.Path!));
            if (!Directory.Exists(path) && !System.IO.File.Exists(path))
            {
                problems.Add(File, $"{where}.path", $"'{s.Path}' does not exist");
                continue;
            }

            samples.Add(new SampleSubmission(s.Name!, path, s.Expect!));
        }

        return samples;
    }
}
