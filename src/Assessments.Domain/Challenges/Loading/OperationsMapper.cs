namespace Assessments.Domain.Challenges.Loading;

internal static class OperationsMapper
{
    private const string File = ChallengeFiles.Manifest;
    private static readonly string[] ProbeMethods = ["GET", "HEAD", "POST", "PUT", "DELETE"];

    public static OperationsSpec Map(OperationsDocument doc, ProblemList problems)
    {
        var liveness = PathOf(doc.Liveness, "operations.liveness", "the liveness path", problems);
        var readiness = PathOf(doc.Readiness, "operations.readiness", "the readiness path", problems);
        var metrics = PathOf(doc.Metrics, "operations.metrics", "the metrics path", problems);
        var traceProbe = Probe(doc.TraceProbe, "operations.traceProbe", problems);
        if (doc.TraceProbe is null)
        {
            problems.Add(File, "operations.traceProbe", "a request to send traceparent on is required (any request when the challenge has no upstream)");
        }

        var shutdownProbe = doc.ShutdownProbe is null ? null : Probe(doc.ShutdownProbe, "operations.shutdownProbe", problems);
        var grace = doc.ShutdownGraceSeconds ?? 10;
        if (grace is < 1 or > 60)
        {
            problems.Add(File, "operations.shutdownGraceSeconds", "must be between 1 and 60");
        }

        return new OperationsSpec(liveness, readiness, metrics, traceProbe ?? new ProbeRequest("GET", "/"), shutdownProbe, TimeSpan.FromSeconds(grace));
    }

    private static string PathOf(string? path, string where, string what, ProblemList problems)
    {
        if (problems.Require(path, File, where, what) && !path!.StartsWith('/'))
        {
            problems.Add(File, where, $"'{path}' must be a path starting with '/'");
        }

        return path ?? "/";
    }

    private static ProbeRequest? Probe(RequestDocument? doc, string where, ProblemList problems)
    {
        if (doc is null)
        {
            return null;
        }

        var method = (doc.Method ?? "GET").ToUpperInvariant();
        if (!ProbeMethods.Contains(method))
        {
            problems.Add(File, $"{where}.method", $"'{doc.Method}' is not one of {string.Join(", ", ProbeMethods)}");
        }

        if (doc.Headers is { Count: > 0 } || doc.Body is not null)
        {
            problems.Add(File, where, "a probe has a method, a path and optionally a json body; headers and raw bodies are not sent");
        }

        var path = PathOf(doc.Path, $"{where}.path", "the probe's path", problems);
        if (path.Contains("{{", StringComparison.Ordinal))
        {
            problems.Add(File, $"{where}.path", "a probe is sent as written: placeholders are not filled in");
        }

        return new ProbeRequest(method, path, doc.Json?.ToJsonString());
    }
}
