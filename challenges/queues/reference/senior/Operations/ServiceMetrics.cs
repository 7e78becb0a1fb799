using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using PaymentJobs.Jobs;

namespace PaymentJobs.Operations;

/// <summary>Counters and gauges in the Prometheus text exposition format, written by hand to stay framework-only.</summary>
public sealed class ServiceMetrics(JobStore store)
{
    private readonly ConcurrentDictionary<(string Method, string Route, int Status), long> _requests = new();
    private readonly ConcurrentDictionary<string, long> _finished = new(StringComparer.Ordinal);
    private long _accepted;
    private long _refused;
    private long _retries;

    public void RequestServed(string method, string route, int status) => _requests.AddOrUpdate((method, route, status), 1, (_, n) => n + 1);

    public void JobAccepted() => Interlocked.Increment(ref _accepted);

    public void JobRefused() => Interlocked.Increment(ref _refused);

    public void RetryScheduled() => Interlocked.Increment(ref _retries);

    public void JobFinished(string status) => _finished.AddOrUpdate(status, 1, (_, n) => n + 1);

    public string Render()
    {
        var text = new StringBuilder();
        Metric(text, "http_requests_total", "counter", "HTTP requests served, by route and status.");
        foreach (var ((method, route, status), count) in _requests.OrderBy(r => r.Key.Route, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {count}\n");
        }

        Metric(text, "jobs_accepted_total", "counter", "Jobs accepted (202).");
        text.Append(CultureInfo.InvariantCulture, $"jobs_accepted_total {Interlocked.Read(ref _accepted)}\n");
        Metric(text, "jobs_refused_total", "counter", "Submissions refused because the queue was full.");
        text.Append(CultureInfo.InvariantCulture, $"jobs_refused_total {Interlocked.Read(ref _refused)}\n");
        Metric(text, "job_retries_total", "counter", "Payment attempts that failed transiently and were scheduled again.");
        text.Append(CultureInfo.InvariantCulture, $"job_retries_total {Interlocked.Read(ref _retries)}\n");
        Metric(text, "jobs_finished_total", "counter", "Jobs that reached a final status.");
        foreach (var (status, count) in _finished)
        {
            text.Append(CultureInfo.InvariantCulture, $"jobs_finished_total{{status=\"{status}\"}} {count}\n");
        }

        Metric(text, "jobs_unfinished", "gauge", "Jobs queued, waiting for a retry or processing.");
        text.Append(CultureInfo.InvariantCulture, $"jobs_unfinished {store.Unfinished}\n");
        return text.ToString();
    }

    private static void Metric(StringBuilder text, string name, string type, string help) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");
}

public static class MetricsApi
{
    public static IServiceCollection AddServiceMetrics(this IServiceCollection services) => services.AddSingleton<ServiceMetrics>();

    /// <summary>Counts every request by its route template (not its raw path, which would make labels unbounded).</summary>
    public static IApplicationBuilder UseServiceMetrics(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            context.RequestServices.GetRequiredService<ServiceMetrics>().RequestServed(context.Request.Method, route, context.Response.StatusCode);
        });

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", (ServiceMetrics metrics) => TypedResults.Text(metrics.Render(), "text/plain; version=0.0.4; charset=utf-8"));
        return app;
    }
}
