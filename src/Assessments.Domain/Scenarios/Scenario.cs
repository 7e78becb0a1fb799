namespace Assessments.Domain.Scenarios;

/// <summary>
/// A named sequence of HTTP steps run against a fresh service; it passes when every step meets its
/// expectation. Later steps may use values captured from earlier responses (<c>{{location}}</c>).
/// </summary>
public sealed record Scenario(string Id, string Title, Visibility Visibility, IReadOnlyList<ScenarioStep> Steps)
{
    /// <summary>
    /// True when a step's verdict depends on how long the service takes (<c>maxMs</c>): such a scenario
    /// is a measurement, and where gradings share a slot it runs alone like the load stage.
    /// </summary>
    public bool JudgesTime => Steps.Any(step => step switch
    {
        RequestStep request => request.Expect.MaxMs is not null,
        BurstStep burst => burst.Expect.MaxMs is not null || burst.ExpectSome?.MaxMs is not null,
        _ => false,
    });

    /// <summary>
    /// The longest the scenario can wait on a service that never gets there: its <c>eventually</c>
    /// timeouts, sleeps and response-time limits added up. What a lower-level submission's checks cost
    /// is mostly this, so a batch starts the gradings with the most of it first.
    /// </summary>
    public TimeSpan WaitBudget => Steps.Aggregate(TimeSpan.Zero, (total, step) => total + step switch
    {
        RequestStep request => (request.Eventually?.Timeout ?? TimeSpan.Zero) + TimeSpan.FromMilliseconds(request.Expect.MaxMs ?? 0),
        SleepStep sleep => sleep.Duration,
        _ => TimeSpan.Zero,
    });
}

/// <summary>Visible checks are published to candidates so they can run them before submitting.</summary>
public enum Visibility
{
    Visible,
    Hidden,
}

/// <summary>
/// One step of a scenario: an HTTP request (the original kind) or one of the kinds in ScenarioSteps.cs
/// that burst, control the upstream stub, assert on it, act on the service's container or wait.
/// </summary>
public abstract record ScenarioStep
{
    /// <summary>The step's kind as authors write it (<c>request</c>, <c>burst</c>, <c>upstream</c>…), for evidence.</summary>
    public abstract string Kind { get; }
}

/// <summary>A request whose response must meet <see cref="Expect"/>, optionally retried until it does.</summary>
public sealed record RequestStep(
    RequestTemplate Request,
    Expectation Expect,
    IReadOnlyDictionary<string, string> Capture,
    Eventually? Eventually = null) : ScenarioStep
{
    public override string Kind => StepKinds.Request;
}

/// <summary>A request whose path, headers and body may contain <c>{{name}}</c> placeholders.</summary>
public sealed record RequestTemplate(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string? JsonBody, string? RawBody);

/// <summary>
/// What a response must look like. Header and JSON values are matchers: a literal (after placeholders
/// are filled in) or one of the <see cref="Matchers"/> keywords.
/// </summary>
public sealed record Expectation(
    IReadOnlyList<int> Status,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Json)
{
    /// <summary>The response must arrive within this many milliseconds (headers and body).</summary>
    public int? MaxMs { get; init; }
}
