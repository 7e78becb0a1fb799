namespace Assessments.Domain.Reports;

/// <summary>
/// What reading the submission's source (never running it) found: backend code smells with their
/// evidence, and size and complexity metrics. Advice for an interviewer, never a verdict on its own.
/// </summary>
/// <param name="Language">The submission's main language (most files): <c>csharp</c>, <c>python</c>, <c>go</c>, <c>javascript</c>, <c>typescript</c> or <c>java</c>.</param>
/// <param name="Analyzed">False (with <see cref="Reason"/>) when there was no source in a language insight reads.</param>
/// <param name="Mode">How the findings were looked for: <c>semantic</c> when the SDK's reference assemblies bound the C#, <c>syntax</c> when
/// they did not, <c>lexical</c> when there is no C# and only metrics were taken, <c>none</c> when nothing was analysed.</param>
/// <param name="LimitsReached">Caps that cut the analysis short (file count, size, time budget), one line each.</param>
/// <param name="Languages">Every language with source in the submission, in a stable order. Null in reports written before other languages were read (those read C# only).</param>
/// <param name="FindingsRan">Whether the findings rules ran: they read C# only, so a submission without C# has no findings because none were looked for.
/// True in reports written before other languages were read.</param>
public sealed record CodeInsight(
    string Language,
    bool Analyzed,
    string? Reason,
    string Mode,
    IReadOnlyList<CodeFinding> Findings,
    CodeMetrics? Metrics,
    IReadOnlyList<string> LimitsReached,
    double DurationMs,
    IReadOnlyList<string>? Languages = null,
    bool FindingsRan = true);

/// <summary>One smell at one place in the source, with why it matters for a service under load.</summary>
/// <param name="Severity"><c>high</c>, <c>medium</c> or <c>low</c> (see <see cref="FindingSeverity"/>).</param>
/// <param name="Competency">The rubric competency it feeds: code-quality, security, performance or resilience.</param>
public sealed record CodeFinding(
    string Rule,
    string Title,
    string Severity,
    string Competency,
    string File,
    int Line,
    string Snippet,
    string Why);

public static class FindingSeverity
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";
}

public sealed record CodeMetrics(
    int Files,
    int Lines,
    int CodeLines,
    int Types,
    int Methods,
    ComplexityDistribution Complexity,
    TestPresence Tests);

/// <summary>Cyclomatic complexity per method (1 + decision points), summarised; the most complex are named.</summary>
/// <param name="Buckets">Methods per band: <c>1-5</c>, <c>6-10</c>, <c>11-20</c>, <c>21+</c>.</param>
public sealed record ComplexityDistribution(
    double Mean,
    int Median,
    int P90,
    int Max,
    IReadOnlyDictionary<string, int> Buckets,
    IReadOnlyList<MethodComplexity> MostComplex);

public sealed record MethodComplexity(string Method, string File, int Line, int Complexity);

/// <summary>The submission's own tests: test projects (by their package references) and test methods.</summary>
public sealed record TestPresence(int Projects, int Files, int Methods);
