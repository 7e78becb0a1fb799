using Assessments.Contract.Probing;
using Assessments.Contract.Spec;
using Assessments.Contract.Tests.Support;
using Assessments.Domain.Challenges;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;

namespace Assessments.Contract.Tests.Probing;

public sealed class CheckLedgerTests
{
    private static readonly ContractSettings OnlyNoServerErrorVisible = new(new HashSet<string> { ContractChecks.NoServerError });

    [Fact]
    public void A_failing_check_keeps_a_few_failing_exchanges_as_evidence_and_counts_the_rest()
    {
        var ledger = new CheckLedger(seed: 5);
        for (var i = 0; i < 5; i++)
        {
            ledger.Judge(ContractChecks.NoServerError, Contracts.Exchange("GET", $"/products?limit={i}", 500), "answered 500", $"probe {i}");
        }

        var outcome = ledger.Outcomes(OnlyNoServerErrorVisible).Single(o => o.CheckId == ContractChecks.NoServerError);

        Assert.False(outcome.Passed);
        Assert.Equal(Visibility.Visible, outcome.Visibility);
        Assert.Equal(CheckLedger.MaxEvidence, outcome.Evidence.Count(e => e.Kind == EvidenceKinds.Exchange));
        Assert.Contains(outcome.Evidence, e => e.Summary == "… and 2 more failing exchange(s) of this kind");
        Assert.StartsWith("5 of 5 exchange(s) failed (seed 5); first: probe 0: answered 500", outcome.Summary, StringComparison.Ordinal);
        Assert.All(outcome.Evidence.Where(e => e.Exchange is not null), e => Assert.StartsWith("curl -i ", e.Exchange!.Curl, StringComparison.Ordinal));
    }

    [Fact]
    public void A_check_the_contract_gives_nothing_to_is_not_applicable_but_one_that_judged_nothing_fails()
    {
        var ledger = new CheckLedger(seed: 1);
        ledger.NotApplicable(ContractChecks.Security, "no operation declares security");

        var outcomes = ledger.Outcomes(ContractSettings.Default);

        var security = outcomes.Single(o => o.CheckId == ContractChecks.Security);
        Assert.True(security.Passed);
        Assert.Equal(Visibility.Hidden, security.Visibility);
        Assert.False(outcomes.Single(o => o.CheckId == ContractChecks.ResponseSchema).Passed);
        Assert.Equal(ContractChecks.All, outcomes.Select(o => o.CheckId));
    }

    [Fact]
    public void Method_not_allowed_needs_405_and_an_Allow_header_listing_every_documented_method()
    {
        string[] documented = ["GET", "DELETE"];

        Assert.Null(ContractProbe.NotAllowedProblem(Contracts.Exchange("PUT", "/products/1", 405, null, ("Allow", "GET, DELETE")), documented));
        Assert.Equal("answered 405 without an Allow header", ContractProbe.NotAllowedProblem(Contracts.Exchange("PUT", "/products/1", 405), documented));
        Assert.Equal("Allow 'GET' does not list DELETE", ContractProbe.NotAllowedProblem(Contracts.Exchange("PUT", "/products/1", 405, null, ("Allow", "GET")), documented));
        Assert.Equal("answered 404, expected 405", ContractProbe.NotAllowedProblem(Contracts.Exchange("PUT", "/products/1", 404), documented));
    }

    [Fact]
    public void Concrete_paths_find_their_templated_operation()
    {
        Assert.Equal("/products/{id}", Contracts.Catalog.Find("GET", "/products/42?x=1")!.PathTemplate);
        Assert.Null(Contracts.Catalog.Find("GET", "/product/42"));
        Assert.True(PathTemplate.Matches("/a/{b}/c", "/a/1/c"));
        Assert.False(PathTemplate.Matches("/a/{b}", "/a/"));
    }
}
