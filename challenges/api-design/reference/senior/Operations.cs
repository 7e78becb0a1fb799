using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

// What the service does for the people who run it: request metrics in the Prometheus text format,
// the trace id of each request echoed back, and one structured log line per request.
static class Operations
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            options.IncludeScopes = true;
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // Orchestrators wait ten seconds before they kill; finish in-flight requests well within that.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(8));
        builder.Services.AddSingleton<RequestMetrics>();
        return builder;
    }

    public static WebApplication UseOperations(this WebApplication app)
    {
        app.UseRouting();
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            if (Activity.Current is { } activity)
            {
                context.Response.Headers["traceresponse"] = $"00-{activity.TraceId}-{activity.SpanId}-{(activity.Recorded ? "01" : "00")}";
            }

            try
            {
                await next(context);
            }
            finally
            {
                var elapsed = Stopwatch.GetElapsedTime(started);
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
                context.RequestServices.GetRequiredService<RequestMetrics>().Record(context.Request.Method, route, context.Response.StatusCode, elapsed);
                app.Logger.LogInformation(
                    "HTTP {Method} {Route} responded {StatusCode} in {ElapsedMs:0.0} ms", context.Request.Method, route, context.Response.StatusCode, elapsed.TotalMilliseconds);
            }
        });

        app.MapGet("/health/ready", () => Results.Ok(new { status = "ready" }));
        app.MapGet("/metrics", (RequestMetrics metrics) => Results.Text(metrics.Render(), "text/plain; version=0.0.4; charset=utf-8"));
        return app;
    }
}

sealed class RequestMetrics
{
    private readonly ConcurrentDictionary<(string Method, string Route, int Status), Counter> _counters = new();

    public void Record(string method, string route, int status, TimeSpan elapsed)
    {
        var counter = _counters.GetOrAdd((method, route, status), _ => new Counter());
        Interlocked.Increment(ref counter.Count);
        Interlocked.Add(ref counter.Microseconds, (long)elapsed.TotalMicroseconds);
    }

    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine("# HELP http_server_requests_total HTTP requests handled, by method, route and status.");
        text.AppendLine("# TYPE http_server_requests_total counter");
        foreach (var ((method, route, status), counter) in _counters.OrderBy(c => c.Key.Route).ThenBy(c => c.Key.Status))
        {
            text.Append(CultureInfo.InvariantCulture, $"http_server_requests_total{{method=\"{method}\",route=\"{Escape(route)}\",status=\"{status}\"}} {Volatile.Read(ref counter.Count)}\n");
        }

        text.AppendLine("# HELP http_server_request_duration_seconds_sum Time spent handling HTTP requests.");
        text.AppendLine("# TYPE http_server_request_duration_seconds_sum counter");
        foreach (var ((method, route, status), counter) in _counters.OrderBy(c => c.Key.Route).ThenBy(c => c.Key.Status))
        {
            var seconds = Volatile.Read(ref counter.Microseconds) / 1_000_000.0;
            text.Append(CultureInfo.InvariantCulture, $"http_server_request_duration_seconds_sum{{method=\"{method}\",route=\"{Escape(route)}\",status=\"{status}\"}} {seconds:0.######}\n");
        }

        return text.ToString();
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"");

    private sealed class Counter
    {
        public long Count;
        public long Microseconds;
    }
}
