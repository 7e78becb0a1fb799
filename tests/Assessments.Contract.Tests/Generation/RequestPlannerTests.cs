using System.Text.Json.Nodes;
using Assessments.Contract.Generation;
using Assessments.Contract.Tests.Support;
using Assessments.Contract.Validation;

namespace Assessments.Contract.Tests.Generation;

public sealed class RequestPlannerTests
{
    [Fact]
    public void The_same_seed_plans_the_same_requests_and_another_seed_different_ones()
    {
        var create = Contracts.Operation("POST", "/products");

        var first = new RequestPlanner(7).Plan(create).Select(r => r.ToString()).ToList();
        var again = new RequestPlanner(7).Plan(create).Select(r => r.ToString()).ToList();
        var other = new RequestPlanner(8).Plan(create).Select(r => r.ToString()).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Valid_bodies_satisfy_the_request_schema_at_both_edges_and_in_between()
    {
        var create = Contracts.Operation("POST", "/products");
        var valid = new RequestPlanner(3).Plan(create).Where(r => r.Purpose == ProbePurpose.Valid).ToList();

        Assert.Equal(3, valid.Count);
        Assert.All(valid, r => Assert.Empty(SchemaValidator.Validate(JsonNode.Parse(r.Body!), create.BodySchema!)));
        var minimal = JsonNode.Parse(valid[0].Body!)!;
        Assert.Equal(0, minimal["priceCents"]!.GetValue<long>());
        Assert.Equal(1, minimal["sku"]!.GetValue<string>().Length);
        Assert.Equal(32, JsonNode.Parse(valid[1].Body!)!["sku"]!.GetValue<string>().Length);
    }

    [Fact]
    public void Every_invalid_body_breaks_the_schema_and_says_which_rule()
    {
        var create = Contracts.Operation("POST", "/products");
        var invalid = new RequestPlanner(3).Plan(create).Where(r => r.Purpose == ProbePurpose.Invalid && r.Description.StartsWith("body '", StringComparison.Ordinal)).ToList();

        Assert.Contains(invalid, r => r.Description == "body 'priceCents' below the minimum 0");
        Assert.Contains(invalid, r => r.Description == "body 'sku' longer than 32");
        Assert.Contains(invalid, r => r.Description == "body 'stock' below the minimum 0");
        Assert.All(invalid, r => Assert.NotEmpty(SchemaValidator.Validate(JsonNode.Parse(r.Body!), create.BodySchema!)));
    }

    [Fact]
    public void Out_of_range_query_parameters_are_planned_as_invalid_and_opaque_ones_as_edge()
    {
        var list = Contracts.Operation("GET", "/products");

        var plan = new RequestPlanner(1).Plan(list);

        Assert.Contains(plan, r => r.Purpose == ProbePurpose.Invalid && r.PathAndQuery == "/products?limit=0");
        Assert.Contains(plan, r => r.Purpose == ProbePurpose.Invalid && r.PathAndQuery == "/products?limit=101");
        Assert.Contains(plan, r => r.Purpose == ProbePurpose.Edge && r.PathAndQuery.Contains("cursor=", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, r => r.Purpose == ProbePurpose.Valid && r.PathAndQuery.Contains("cursor=", StringComparison.Ordinal));
    }

    [Fact]
    public void Requests_for_a_resource_by_id_are_edge_probes_because_the_id_may_not_exist()
    {
        var read = Contracts.Operation("GET", "/products/{id}");

        var plan = new RequestPlanner(1).Plan(read);

        Assert.DoesNotContain(plan, r => r.Purpose == ProbePurpose.Valid);
        Assert.Contains(plan, r => r.Purpose == ProbePurpose.Invalid && r.PathAndQuery == "/products/not-a-number");
    }
}
