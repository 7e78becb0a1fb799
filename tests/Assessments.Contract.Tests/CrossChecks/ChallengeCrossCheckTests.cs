using Assessments.Contract.Spec;
using Assessments.Domain.Challenges;
using Assessments.Domain.Challenges.Loading;

namespace Assessments.Contract.Tests.CrossChecks;

/// <summary>
/// What a candidate is graded on must be stated where they read: every status a check accepts and
/// every route a check calls is in openapi.yaml, and every rubric criterion is named in the brief.
/// Pure file reading: no Docker.
/// </summary>
public sealed class ChallengeCrossCheckTests
{
    public static TheoryData<string> ChallengeIds => new() { "api-design", "caching", "queues" };

    private static (Challenge Challenge, ContractDocument Contract) Load(string id)
    {
        var challenge = ChallengeLoader.Load(RepositoryPaths.Challenge(id));
        return (challenge, ContractDocument.Load(challenge.ContractPath));
    }

    private static IEnumerable<string> ItemTemplates(ContractDocument contract, string collection) =>
        contract.Paths.Where(t => t.StartsWith(collection.TrimEnd('/') + "/{", StringComparison.Ordinal) && t.Count(c => c == '/') == collection.TrimEnd('/').Count(c => c == '/') + 1);

    [Theory]
    [MemberData(nameof(ChallengeIds))]
    public void Every_route_a_scenario_an_operations_check_or_the_load_calls_is_documented(string id)
    {
        var (challenge, contract) = Load(id);

        var undocumented = ChallengeRoutes.Of(challenge, c => ItemTemplates(contract, c))
            .Where(r => contract.Find(r.Method, r.Path.Split('?')[0]) is null)
            .Select(r => $"{r.Source}: {r.Method} {r.Path}")
            .Distinct()
            .ToList();

        Assert.True(undocumented.Count == 0, $"not in {id}/openapi.yaml: {string.Join("; ", undocumented)}");
    }

    [Theory]
    [MemberData(nameof(ChallengeIds))]
    public void Every_status_a_scenario_accepts_is_documented_for_its_operation(string id)
    {
        var (challenge, contract) = Load(id);

        var undocumented = ChallengeRoutes.Of(challenge, c => ItemTemplates(contract, c))
            .Select(r => (Request: r, Operation: contract.Find(r.Method, r.Path.Split('?')[0])))
            .Where(x => x.Operation is not null)
            .SelectMany(x => x.Request.Statuses.Where(s => x.Operation!.ResponseFor(s) is null).Select(s => $"{x.Request.Source}: {s} on {x.Operation!.Name}"))
            .Distinct()
            .ToList();

        Assert.True(undocumented.Count == 0, $"statuses the checks accept but {id}/openapi.yaml does not document: {string.Join("; ", undocumented)}");
    }

    [Theory]
    [MemberData(nameof(ChallengeIds))]
    public void Every_status_the_contract_checks_expect_is_documented(string id)
    {
        var (_, contract) = Load(id);
        var missing = new List<string>();
        foreach (var operation in contract.Operations)
        {
            // invalid-input-rejected wants 4xx for a broken body; a framework may say 400 or 415.
            if (operation.BodySchema is not null)
            {
                missing.AddRange(new[] { 400, 415 }.Where(s => operation.ResponseFor(s) is null).Select(s => $"{s} on {operation.Name}"));
            }

            // deleted-is-gone reads a deleted resource back and wants 404.
            if (operation.Method == "GET" && contract.MethodsOf(operation.PathTemplate).Contains("DELETE") && operation.ResponseFor(404) is null)
            {
                missing.Add($"404 on {operation.Name}");
            }
        }

        Assert.True(missing.Count == 0, $"{id}/openapi.yaml misses: {string.Join("; ", missing)}");
    }

    [Theory]
    [MemberData(nameof(ChallengeIds))]
    public void Every_rubric_criterion_is_named_in_the_briefs_how_it_is_graded(string id)
    {
        var (challenge, _) = Load(id);
        var brief = File.ReadAllText(challenge.BriefPath);
        var start = brief.IndexOf("## How it is graded", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{id}/brief.md has no '## How it is graded' section");
        var end = brief.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var section = end < 0 ? brief[start..] : brief[start..end];

        var unnamed = challenge.Rubric.Criteria.Where(c => !section.Contains($"`{c.Id}`", StringComparison.Ordinal)).Select(c => c.Id).ToList();

        Assert.True(unnamed.Count == 0, $"{id}/brief.md's How it is graded does not name: {string.Join(", ", unnamed)}");
    }
}
