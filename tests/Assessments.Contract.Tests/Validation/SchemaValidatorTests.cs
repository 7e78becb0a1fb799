using System.Text.Json.Nodes;
using Assessments.Contract.Tests.Support;
using Assessments.Contract.Validation;

namespace Assessments.Contract.Tests.Validation;

public sealed class SchemaValidatorTests
{
    private static readonly Microsoft.OpenApi.IOpenApiSchema Product =
        Contracts.Operation("GET", "/products/{id}").ResponseFor(200)!.Content!["application/json"].Schema!;

    private static readonly Microsoft.OpenApi.IOpenApiSchema Page =
        Contracts.Operation("GET", "/products").ResponseFor(200)!.Content!["application/json"].Schema!;

    [Fact]
    public void A_conforming_product_has_no_problems()
    {
        Assert.Empty(SchemaValidator.Validate(JsonNode.Parse("""{"id":1,"sku":"A","name":"B","priceCents":0,"stock":3}"""), Product));
    }

    [Fact]
    public void A_renamed_member_is_reported_as_missing_by_its_path()
    {
        var problems = SchemaValidator.Validate(JsonNode.Parse("""{"id":1,"sku":"A","name":"B","price":0,"stock":3}"""), Product);

        Assert.Equal(["$.priceCents is required but missing"], problems);
    }

    [Fact]
    public void A_number_sent_as_text_is_the_wrong_type()
    {
        var problems = SchemaValidator.Validate(JsonNode.Parse("""{"id":1,"sku":"A","name":"B","priceCents":0,"stock":"3"}"""), Product);

        Assert.Equal(["$.stock is \"3\", expected integer"], problems);
    }

    [Fact]
    public void A_fraction_is_not_an_integer_and_null_is_not_an_object()
    {
        Assert.NotEmpty(SchemaValidator.Validate(JsonNode.Parse("""{"id":1.5,"sku":"A","name":"B","priceCents":0,"stock":3}"""), Product));
        Assert.Equal(["$ is null, expected object"], SchemaValidator.Validate(null, Product));
    }

    [Fact]
    public void Nullable_members_accept_null_and_array_items_are_checked_one_by_one()
    {
        Assert.Empty(SchemaValidator.Validate(JsonNode.Parse("""{"items":[],"nextCursor":null}"""), Page));

        var problems = SchemaValidator.Validate(JsonNode.Parse("""{"items":[{"id":1,"sku":"A","name":"B","priceCents":0,"stock":3},{"id":2}]}"""), Page);

        Assert.Contains("$.items[1].sku is required but missing", problems);
    }

    [Fact]
    public void AllOf_parts_are_all_applied()
    {
        var validation = Contracts.Operation("POST", "/products").ResponseFor(400)!.Content!["application/problem+json"].Schema!;

        Assert.Empty(SchemaValidator.Validate(JsonNode.Parse("""{"title":"t","status":400,"errors":{"sku":["required"]}}"""), validation));
        Assert.Equal(["$.errors is required but missing"], SchemaValidator.Validate(JsonNode.Parse("""{"title":"t","status":400}"""), validation));
    }
}
