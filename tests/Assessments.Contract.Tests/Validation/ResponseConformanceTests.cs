using Assessments.Contract.Tests.Support;
using Assessments.Contract.Validation;
using Assessments.Domain.Scenarios;

namespace Assessments.Contract.Tests.Validation;

public sealed class ResponseConformanceTests
{
    private const string Product = """{"id":1,"sku":"A","name":"B","priceCents":0,"stock":3}""";

    [Fact]
    public void A_documented_created_response_passes_every_conformance_check()
    {
        var exchange = Contracts.Exchange("POST", "/products", 201, Product, ("Content-Type", "application/json; charset=utf-8"), ("Location", "/products/1"));

        var verdicts = ResponseConformance.Judge(Contracts.Operation("POST", "/products"), exchange);

        Assert.All(verdicts, v => Assert.Null(v.Problem));
        Assert.Equal(5, verdicts.Count);
    }

    [Fact]
    public void A_server_error_fails_no_server_error_and_status_documented()
    {
        var verdicts = ResponseConformance.Judge(Contracts.Operation("GET", "/products"), Contracts.Exchange("GET", "/products", 500));

        Assert.NotNull(Problem(verdicts, ContractChecks.NoServerError));
        Assert.Contains("status 500 is not documented", Problem(verdicts, ContractChecks.StatusDocumented), StringComparison.Ordinal);
    }

    [Fact]
    public void A_create_without_its_Location_fails_headers_documented()
    {
        var exchange = Contracts.Exchange("POST", "/products", 201, Product, ("Content-Type", "application/json"));

        var verdicts = ResponseConformance.Judge(Contracts.Operation("POST", "/products"), exchange);

        Assert.Equal("201 response lacks the required header Location", Problem(verdicts, ContractChecks.HeadersDocumented));
    }

    [Fact]
    public void An_error_as_plain_json_fails_content_type_documented()
    {
        var exchange = Contracts.Exchange("GET", "/products/9", 404, """{"message":"no"}""", ("Content-Type", "application/json"));

        var verdicts = ResponseConformance.Judge(Contracts.Operation("GET", "/products/{id}"), exchange);

        Assert.Contains("content type application/json, documented: application/problem+json", Problem(verdicts, ContractChecks.ContentTypeDocumented), StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_that_drifted_from_its_schema_fails_response_schema()
    {
        var exchange = Contracts.Exchange("GET", "/products/1", 200, """{"id":1,"sku":"A","name":"B","price":0,"stock":3}""", ("Content-Type", "application/json"));

        var verdicts = ResponseConformance.Judge(Contracts.Operation("GET", "/products/{id}"), exchange);

        Assert.Equal("200 response body: $.priceCents is required but missing", Problem(verdicts, ContractChecks.ResponseSchema));
    }

    private static string? Problem(IReadOnlyList<(string CheckId, string? Problem)> verdicts, string checkId) =>
        verdicts.Single(v => v.CheckId == checkId).Problem;
}
