using Assessments.Domain.Challenges;
using Assessments.Domain.Scenarios;

namespace Assessments.Contract.Tests.CrossChecks;

/// <summary>A request a check sends, with the statuses it accepts, as the cross-checks read it.</summary>
internal sealed record CheckedRequest(string Source, string Method, string Path, IReadOnlyList<int> Statuses);

/// <summary>
/// Every request the checks of a challenge send: the scenarios' steps (captured locations resolved to
/// the item route of the collection they were created in), the operations probes and the load.
/// </summary>
internal static class ChallengeRoutes
{
    public static IEnumerable<CheckedRequest> Of(Challenge challenge, Func<string, IEnumerable<string>> templatesUnder)
    {
        foreach (var scenario in challenge.Scenarios)
        {
            var captured = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var step in scenario.Steps)
            {
                var (request, statuses, captures) = step switch
                {
                    RequestStep r => (r.Request, r.Expect.Status, r.Capture),
                    BurstStep b => (b.Request, b.Expect.Status.Concat(b.ExpectSome?.Status ?? []).ToList(), (IReadOnlyDictionary<string, string>)new Dictionary<string, string>()),
                    _ => (null, (IReadOnlyList<int>)[], new Dictionary<string, string>()),
                };
                if (request is null)
                {
                    continue;
                }

                foreach (var (name, source) in captures.Where(c => c.Value.Equals("header:Location", StringComparison.OrdinalIgnoreCase)))
                {
                    captured[name] = request.Path.Split('?')[0];
                }

                foreach (var path in Resolve(request.Path, captured, templatesUnder))
                {
                    yield return new CheckedRequest($"scenario {scenario.Id}", request.Method, path, statuses);
                }
            }
        }

        if (challenge.Operations is { } ops)
        {
            yield return new CheckedRequest("ops.liveness", "GET", ops.Liveness, [200]);
            yield return new CheckedRequest("ops.readiness", "GET", ops.Readiness, [200]);
            yield return new CheckedRequest("ops.metrics", "GET", ops.Metrics, [200]);
            yield return new CheckedRequest("ops.trace-context", ops.TraceProbe.Method, Concrete(ops.TraceProbe.Path), []);
            if (ops.ShutdownProbe is { } shutdown)
            {
                yield return new CheckedRequest("ops.graceful-shutdown", shutdown.Method, Concrete(shutdown.Path), []);
            }
        }

        if (challenge.Load is { } load)
        {
            yield return new CheckedRequest("load", load.Method, Concrete(load.Paths[0]), [200]);
        }
    }

    // "{{location}}" is the item route of the collection the location came from; other placeholders become a plain value.
    private static IEnumerable<string> Resolve(string path, Dictionary<string, string> captured, Func<string, IEnumerable<string>> templatesUnder)
    {
        if (path.StartsWith("{{", StringComparison.Ordinal) && path.EndsWith("}}", StringComparison.Ordinal))
        {
            return captured.TryGetValue(path[2..^2], out var collection)
                ? templatesUnder(collection).Select(t => System.Text.RegularExpressions.Regex.Replace(t, @"\{[^}]+\}", "1"))
                : [];
        }

        return [Concrete(path)];
    }

    private static string Concrete(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\{\{[^}]+\}\}", "x1");
}
