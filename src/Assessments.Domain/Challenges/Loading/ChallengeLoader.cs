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
        var scenarios = scenariosDoc is null ? [] : ScenarioMapper.Map(scenariosDoc, problems);
        var rubric = rubricDoc is null ? null : RubricMapper.Map(rubricDoc, scenarios.Select(s => s.Id), problems);

        if (problems.All.Count > 0 || manifest is null || service is null || rubric is null)
        {
            return (null, problems.All);
        }

        var challenge = new Challenge(manifest.Id!, manifest.Version!, manifest.Title!, Path.GetFullPath(directory), service, scenarios, rubric, references);
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
        var references = new List<ReferenceSolution>();
        foreach (var (levelName, relative) in doc.References ?? [])
        {
            var where = $"references.{levelName}";
            if (!LevelNames.TryParse(levelName, out var level))
            {
                problems.Add(File, where, $"'{levelName}' is not a level (not-yet, junior, engineer-ii, senior)");
                continue;
            }

            var path = Path.GetFullPath(Path.Combine(directory, relative));
            if (!System.IO.File.Exists(Path.Combine(path, ChallengeFiles.Dockerfile)))
            {
                problems.Add(File, where, $"'{relative}' has no Dockerfile");
                continue;
            }

            references.Add(new ReferenceSolution(level, path));
        }

        return references;
    }
}
