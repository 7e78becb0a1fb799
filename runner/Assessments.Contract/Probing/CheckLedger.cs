using System.Security.Cryptography;
using System.Text;
using Assessments.Domain.Challenges;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;
using Assessments.Runner.Checks;

namespace Assessments.Contract.Probing;

/// <summary>
/// Tallies, per contract check, every exchange it judged and the ones that failed it, then turns
/// them into outcomes: the first failures as evidence (bounded), a count of the rest, the seed,
/// and a digest of every request judged so that two runs can be compared at a glance.
/// </summary>
public sealed class CheckLedger(int seed)
{
    /// <summary>Failing exchanges kept as evidence per check: enough to see the pattern, few enough to read.</summary>
    public const int MaxEvidence = 3;

    private readonly Dictionary<string, Tally> _tallies = ContractChecks.All.ToDictionary(id => id, _ => new Tally(), StringComparer.Ordinal);

    public void Judge(string checkId, RecordedExchange exchange, string? problem, string description)
    {
        var tally = _tallies[checkId];
        tally.Requests.Add(Line(exchange.Evidence.Request));
        if (problem is null)
        {
            tally.Example ??= Evidence.Of(exchange.Evidence, $"{description}: as documented ({exchange.Evidence.Response?.Status})") with { Passed = true };
            return;
        }

        tally.Failures++;
        if (tally.Evidence.Count < MaxEvidence)
        {
            tally.Evidence.Add(Evidence.Of(exchange.Evidence, $"{description}: {problem}") with { Passed = false });
        }
    }

    /// <summary>A check that had nothing to judge in this contract (no operation declares security, say).</summary>
    public void NotApplicable(string checkId, string why) => _tallies[checkId].NotApplicable = why;

    public IReadOnlyList<CheckOutcome> Outcomes(ContractSettings settings) =>
        ContractChecks.All.Select(id => Outcome(id, _tallies[id], settings.VisibilityOf(id))).ToList();

    private CheckOutcome Outcome(string id, Tally tally, Visibility visibility)
    {
        var title = ContractCatalog.Title(id);
        var digest = Digest(tally.Requests);
        var measured = Evidence.Note($"{tally.Requests.Count} exchange(s) judged with seed {seed} (requests digest {digest})");
        if (tally.NotApplicable is { } why)
        {
            return new CheckOutcome(id, true, $"not applicable: {why}", [Evidence.Note($"Not applicable: {why}")], title, visibility);
        }

        // The contract has something for this check, but no answer got far enough to be judged
        // (every request answered an undocumented status, say): that is not a pass.
        if (tally.Requests.Count == 0)
        {
            const string Unjudged = "no response could be judged by this check: none reached a documented response it applies to";
            return new CheckOutcome(id, false, $"{Unjudged} (seed {seed})", [Evidence.Note(Unjudged)], title, visibility);
        }

        if (tally.Failures == 0)
        {
            return new CheckOutcome(id, true, $"all {tally.Requests.Count} exchange(s) as the contract says", [tally.Example!, measured], title, visibility);
        }

        var evidence = new List<Evidence>(tally.Evidence);
        if (tally.Failures > tally.Evidence.Count)
        {
            evidence.Add(Evidence.Note($"… and {tally.Failures - tally.Evidence.Count} more failing exchange(s) of this kind"));
        }

        evidence.Add(measured);
        var first = tally.Evidence[0].Summary;
        return new CheckOutcome(id, false, $"{tally.Failures} of {tally.Requests.Count} exchange(s) failed (seed {seed}); first: {first}", evidence, title, visibility);
    }

    private static string Line(HttpRequestRecord request) => $"{request.Method} {request.Url} {request.Body}".TrimEnd();

    private static string Digest(IEnumerable<string> lines) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..12];

    private sealed class Tally
    {
        public List<string> Requests { get; } = [];

        public List<Evidence> Evidence { get; } = [];

        public int Failures { get; set; }

        public Evidence? Example { get; set; }

        public string? NotApplicable { get; set; }
    }
}
