using Assessments.Runner.Operations;

namespace Assessments.UnitTests.Operations;

public sealed class PrometheusTextTests
{
    [Fact]
    public void Reads_samples_with_and_without_labels_and_skips_comments()
    {
        const string text = """
            # HELP http_requests_total Requests handled.
            # TYPE http_requests_total counter
            http_requests_total{method="GET",route="/products",status="200"} 1027
            http_requests_total{method="POST",route="/products",status="201"} 3 1763917200000
            process_cpu_seconds_total 1.5e1
            http_request_duration_seconds_bucket{le="+Inf"} 1030
            up NaN
            """;

        var scrape = PrometheusText.Parse(text);

        Assert.Equal(5, scrape.Samples.Count);
        Assert.Empty(scrape.InvalidLines);
        Assert.Equal("http_requests_total", scrape.FirstRequestSample?.Name);
        Assert.Equal("method=\"GET\",route=\"/products\",status=\"200\"", scrape.Samples[0].Labels);
    }

    [Fact]
    public void A_label_value_may_hold_escaped_quotes_braces_and_spaces()
    {
        var scrape = PrometheusText.Parse("requests_total{path=\"/a b\\\"}{\"} 2\n");

        Assert.Single(scrape.Samples);
        Assert.Equal("requests_total", scrape.FirstRequestSample?.Name);
    }

    [Fact]
    public void Metrics_about_something_else_are_samples_but_not_request_samples()
    {
        var scrape = PrometheusText.Parse("process_resident_memory_bytes 123456\ndotnet_gc_collections_total{generation=\"0\"} 4\n");

        Assert.Equal(2, scrape.Samples.Count);
        Assert.Null(scrape.FirstRequestSample);
    }

    [Theory]
    [InlineData("""{"requests": 12}""")]
    [InlineData("<html><body>metrics</body></html>")]
    [InlineData("http_requests_total twelve")]
    [InlineData("http requests 12")]
    public void Json_html_and_malformed_lines_are_not_samples(string text)
    {
        var scrape = PrometheusText.Parse(text);

        Assert.Empty(scrape.Samples);
        Assert.NotEmpty(scrape.InvalidLines);
    }
}
