using Assessments.Domain.Rubrics;
using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;

namespace Assessments.Domain.Challenges;

/// <summary>
/// A take-home challenge as the grader sees it: how to run the candidate's service, which scenarios
/// to run against it, and the rubric that turns their outcomes into a level.
/// </summary>
public sealed record Challenge(
    string Id,
    string Version,
    string Title,
    string Directory,
    ServiceSpec Service,
    IReadOnlyList<Scenario> Scenarios,
    Rubric Rubric,
    IReadOnlyList<ReferenceSolution> References,
    IReadOnlyList<SampleSubmission> Samples)
{
    /// <summary>How the contract stage treats this challenge (which of its checks candidates see).</summary>
    public ContractSettings Contract { get; init; } = ContractSettings.Default;

    /// <summary>The load stage's profile; null when the challenge grades no behaviour under load.</summary>
    public LoadProfile? Load { get; init; }

    /// <summary>Sandbox limits this challenge sets instead of the platform defaults.</summary>
    public SandboxOverrides Sandbox { get; init; } = SandboxOverrides.None;

    /// <summary>The upstream stub the runner starts next to the service; null when the challenge has none.</summary>
    public UpstreamSpec? Upstream { get; init; }

    /// <summary>Where the operations checks (ops.*) probe the service; null when the challenge grades none.</summary>
    public OperationsSpec? Operations { get; init; }

    /// <summary>The longest its checks can wait on a service that never gets there (<see cref="Scenario.WaitBudget"/> of every scenario).</summary>
    public TimeSpan WaitBudget => Scenarios.Aggregate(TimeSpan.Zero, (total, scenario) => total + scenario.WaitBudget);

    public string BriefPath => Path.Combine(Directory, ChallengeFiles.Brief);

    public string ContractPath => Path.Combine(Directory, ChallengeFiles.Contract);

    public string StarterDirectory => Path.Combine(Directory, ChallengeFiles.Starter);

    /// <summary>The languages a starter is offered in: C# (<c>starter/</c>) and every <c>starters/&lt;language&gt;/</c>.</summary>
    public IReadOnlyList<string> StarterLanguages
    {
        get
        {
            var others = Path.Combine(Directory, ChallengeFiles.Starters);
            var languages = System.IO.Directory.Exists(StarterDirectory) ? new List<string> { StarterLanguage.Default } : [];
            if (System.IO.Directory.Exists(others))
            {
                languages.AddRange(System.IO.Directory.EnumerateDirectories(others).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));
            }

            return languages;
        }
    }

    /// <summary>The starter folder in <paramref name="language"/> (C# when null); null when it is not offered.</summary>
    public string? StarterDirectoryFor(string? language)
    {
        var name = string.IsNullOrEmpty(language) ? StarterLanguage.Default : language.ToLowerInvariant();
        if (!StarterLanguages.Contains(name, StringComparer.Ordinal))
        {
            return null;
        }

        return name == StarterLanguage.Default ? StarterDirectory : Path.Combine(Directory, ChallengeFiles.Starters, name);
    }
}

/// <summary>How starter languages are named (<c>?language=</c>, the kit's <c>starters/</c> folders).</summary>
public static class StarterLanguage
{
    /// <summary>The language of <c>starter/</c>, and of the references.</summary>
    public const string Default = "csharp";
}

/// <summary>How the candidate's service is reached and when it counts as ready.</summary>
public sealed record ServiceSpec(int Port, string ReadinessPath, TimeSpan ReadinessTimeout, TimeSpan RequestTimeout)
{
    /// <summary>Where a volume that survives restarts is mounted (<c>service.dataVolume</c>); null for none.</summary>
    public string? DataVolume { get; init; }
}

/// <summary>
/// The challenge's settings for the contract stage: the <see cref="ContractChecks"/> published to
/// candidates before they submit (all others stay hidden).
/// </summary>
public sealed record ContractSettings(IReadOnlySet<string> VisibleChecks)
{
    public static ContractSettings Default { get; } = new(new HashSet<string>(StringComparer.Ordinal));

    public Visibility VisibilityOf(string checkId) => VisibleChecks.Contains(checkId) ? Visibility.Visible : Visibility.Hidden;
}

/// <summary>
/// A solution whose level the hiring team knows, used to calibrate the rubric. A level's primary
/// reference (the one under <c>references:</c>) has no <see cref="Language"/> and is the one a
/// baseline measures; further ones (under <c>moreReferences:</c>) name their language, so that
/// "senior (go)" and "senior" can be told apart wherever references are listed.
/// </summary>
public sealed record ReferenceSolution(Level ExpectedLevel, string Directory)
{
    /// <summary>The language of a further reference (e.g. <c>go</c>); null for the level's primary one.</summary>
    public string? Language { get; init; }

    public bool IsPrimary => Language is null;

    /// <summary>How people read it: <c>senior</c>, or <c>senior (go)</c> for a further reference.</summary>
    public string Name => IsPrimary ? ExpectedLevel.ToName() : $"{ExpectedLevel.ToName()} ({Language})";

    /// <summary>The same as a file or item name: <c>senior</c>, or <c>senior-go</c>.</summary>
    public string Slug => IsPrimary ? ExpectedLevel.ToName() : $"{ExpectedLevel.ToName()}-{Language}";
}

/// <summary>
/// A bundled submission with a known outcome (a level, or a status such as <c>build_failed</c>), graded
/// by the demo and the tests to show the whole path works.
/// </summary>
public sealed record SampleSubmission(string Name, string Directory, string Expected);

/// <summary>The fixed file names of a challenge folder.</summary>
public static class ChallengeFiles
{
    public const string Manifest = "challenge.yaml";
    public const string Brief = "brief.md";
    public const string Contract = "openapi.yaml";
    public const string Scenarios = "scenarios.yaml";
    public const string Rubric = "rubric.yaml";
    public const string Starter = "starter";

    /// <summary>Starters in languages other than C#, one folder per language (python, go).</summary>
    public const string Starters = "starters";
    public const string References = "reference";
    public const string Dockerfile = "Dockerfile";
}
