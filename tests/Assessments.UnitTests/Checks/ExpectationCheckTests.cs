using Assessments.Domain.Scenarios;
using Assessments.Runner.Checks;
using Assessments.UnitTests.Support;

namespace Assessments.UnitTests.Checks;

public sealed class ExpectationCheckTests
{
    private const string Json = "application/json; charset=utf-8";

    private static readonly Dictionary<string, string> Values = new() { ["run.id"] = "r1", ["location"] = "/products/1" };

    [Fact]
    public void Problems_is_empty_when_the_response_meets_every_expectation()
    {
        // given
        var expect = Expect(
            [201],
            "application/json",
            headers: new() { ["Location"] = "{{location}}" },
            json: new() { ["$.sku"] = "LAMP-{{run.id}}", ["$.id"] = "@number" });
        var exchange = Exchanges.Response(201, """{"id":1,"sku":"LAMP-r1"}""", ("Content-Type", Json), ("location", "/products/1"));

        // when
        var problems = ExpectationCheck.Problems(expect, exchange, Values);

        // then
        Assert.Empty(problems);
    }

    [Fact]
    public void Problems_names_the_status_and_every_acceptable_one()
    {
        var problems = ExpectationCheck.Problems(Expect([200, 204]), Exchanges.Response(500), Values);

        Assert.Equal(["status 500, expected 200 or 204"], problems);
    }

    [Theory]
    [InlineData("text/html; charset=utf-8", "content type text/html, expected application/problem+json")]
    [InlineData("application/json", "content type application/json, expected application/problem+json")]
    [InlineData(null, "content type missing, expected application/problem+json")]
    public void Problems_compares_the_content_type_without_its_parameters(string? contentType, string problem)
    {
        var headers = contentType is null ? [] : new[] { ("Content-Type", contentType) };

        var problems = ExpectationCheck.Problems(Expect([400], "application/problem+json"), Exchanges.Response(400, "{}", headers), Values);

        Assert.Equal([problem], problems);
    }

    [Fact]
    public void Problems_accepts_a_content_type_in_other_case_with_a_charset()
    {
        var exchange = Exchanges.Response(400, "{}", ("Content-Type", "Application/Problem+JSON;charset=UTF-8"));

        Assert.Empty(ExpectationCheck.Problems(Expect([400], "application/problem+json"), exchange, Values));
    }

    [Fact]
    public void Problems_explains_each_header_that_misses_its_matcher()
    {
        var expect = Expect([200], headers: new() { ["Location"] = "@present", ["ETag"] = "@not:\"v1\"", ["Cache-Control"] = "no-store" });
        var exchange = Exchanges.Response(200, null, ("etag", "\"v1\""), ("cache-control", "no-store"));

        var problems = ExpectationCheck.Problems(expect, exchange, Values);

        Assert.Equal(["header Location is missing", "header ETag should differ from '\"v1\"'"], problems);
    }

    [Fact]
    public void Problems_says_the_body_is_not_json_when_json_is_expected()
    {
        var expect = Expect([200], json: new() { ["$.id"] = "@present" });

        var problems = ExpectationCheck.Problems(expect, Exchanges.Response(200, "<html>oops</html>"), Values);

        Assert.Equal(["the body is not JSON"], problems);
    }

    [Fact]
    public void Problems_lists_every_json_value_that_misses_with_its_path()
    {
        var expect = Expect([200], json: new() { ["$.priceCents"] = "2599", ["$.id"] = "@present", ["$.sku"] = "LAMP-{{run.id}}" });

        var problems = ExpectationCheck.Problems(expect, Exchanges.Response(200, """{"priceCents":"2599","sku":"LAMP-other"}"""), Values);

        Assert.Equal(["$.id is missing", "$.sku should be LAMP-r1 but is \"LAMP-other\""], problems);
    }

    [Fact]
    public void Problems_is_the_error_alone_when_there_was_no_response()
    {
        var problems = ExpectationCheck.Problems(Expect([200]), Exchanges.NoResponse("no complete response within 5 s"), Values);

        Assert.Equal(["no complete response within 5 s"], problems);
    }

    private static Expectation Expect(
        int[] status, string? contentType = null, Dictionary<string, string>? headers = null, Dictionary<string, string>? json = null) =>
        new(status, contentType, headers ?? [], json ?? []);
}
