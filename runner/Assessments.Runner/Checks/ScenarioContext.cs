using System.Security.Cryptography;
using System.Text;

namespace Assessments.Runner.Checks;

/// <summary>What one scenario run carries from step to step: captured values, collected lists, the last trace id sent.</summary>
public sealed class ScenarioContext(string scenarioId, IReadOnlyDictionary<string, string> variables)
{
    public Dictionary<string, string> Values { get; } = new(variables, StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyList<string>> Lists { get; } = new(StringComparer.Ordinal);

    /// <summary>The trace id of the last request step's <c>traceparent</c> (what <c>tracedFrom: last-request</c> looks for).</summary>
    public string? LastTraceId { get; set; }

    /// <summary>
    /// A W3C traceparent derived from the run, scenario, step and attempt: fresh for every request yet
    /// the same when the grading is repeated with the same seed.
    /// </summary>
    public string TraceparentFor(int step, int attempt)
    {
        var runId = Values.GetValueOrDefault(Domain.Scenarios.ScenarioVariables.RunId, string.Empty);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{runId}/{scenarioId}/{step}/{attempt}"));
        return $"00-{Convert.ToHexStringLower(hash.AsSpan(0, 16))}-{Convert.ToHexStringLower(hash.AsSpan(16, 8))}-01";
    }
}

/// <summary>How one step went: passed or not, a sentence, and the evidence behind it.</summary>
/// <param name="Attempts">How many times the step ran (an <c>eventually</c> step repeats until it holds).</param>
public sealed record StepResult(bool Passed, string Summary, IReadOnlyList<Domain.Reports.Evidence> Evidence, int Attempts = 1);
