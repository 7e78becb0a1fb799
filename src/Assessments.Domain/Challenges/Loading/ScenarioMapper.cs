using System.Text.Json;
using System.Text.Json.Nodes;
using Assessments.Domain.Scenarios;

namespace Assessments.Domain.Challenges.Loading;

internal static class ScenarioMapper
{
    private const string File = ChallengeFiles.Scenarios;

    private static readonly HashSet<string> Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    public static IReadOnlyList<Scenario> Map(ScenariosDocument doc, ProblemList problems, bool hasUpstream = false)
    {
        var scenarios = new List<Scenario>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = doc.Scenarios ?? [];
        if (list.Count == 0)
        {
            problems.Add(File, "scenarios", "at least one scenario is required");
        }

        for (var i = 0; i < list.Count; i++)
        {
            var scenario = MapScenario(list[i], $"scenarios[{i}]", hasUpstream, problems);
            if (scenario is null)
            {
                continue;
            }

            if (!seen.Add(scenario.Id) || BuiltInChecks.All.Contains(scenario.Id))
            {
                problems.Add(File, $"scenarios[{i}].id", $"'{scenario.Id}' is used twice or is a built-in check id");
            }

            scenarios.Add(scenario);
        }

        return scenarios;
    }

    private static Scenario? MapScenario(ScenarioDocument doc, string where, bool hasUpstream, ProblemList problems)
    {
        var ok = problems.Require(doc.Id, File, $"{where}.id", "scenario id")
            & problems.Require(doc.Title, File, $"{where}.title", "scenario title");
        if (doc.Id is not null && !Identifiers.IsValid(doc.Id))
        {
            problems.Add(File, $"{where}.id", $"'{doc.Id}' must be lower-case letters, digits, dots and dashes");
        }

        var visibility = Visibility.Hidden;
        if (doc.Visibility is not null && !Enum.TryParse(doc.Visibility, ignoreCase: true, out visibility))
        {
            problems.Add(File, $"{where}.visibility", $"'{doc.Visibility}' must be 'visible' or 'hidden'");
        }

        var steps = new List<ScenarioStep>();
        var scope = new StepScope(hasUpstream);
        var docs = doc.Steps ?? [];
        if (docs.Count == 0)
        {
            problems.Add(File, $"{where}.steps", "at least one step is required");
        }

        for (var i = 0; i < docs.Count; i++)
        {
            var step = StepMapper.Map(docs[i], $"{where}.steps[{i}]", scope, problems);
            if (step is not null)
            {
                steps.Add(step);
            }
        }

        return ok ? new Scenario(doc.Id!, doc.Title!, visibility, steps) : null;
    }

    /// <summary>A plain request step: request and expect, optional capture and eventually.</summary>
    public static RequestStep? MapRequestStep(StepDocument doc, string where, StepScope scope, ProblemList problems)
    {
        if (!problems.Require(doc.Request, File, $"{where}.request", "request")
            | !problems.Require(doc.Expect, File, $"{where}.expect", "expect"))
        {
            return null;
        }

        var request = MapRequest(doc.Request!, $"{where}.request", problems);
        var expect = MapExpect(doc.Expect!, $"{where}.expect", problems);
        scope.CheckPlaceholders(request, expect, where, problems);
        var capture = doc.Capture ?? [];
        foreach (var (name, source) in capture)
        {
            if (!CaptureSource.IsValid(source))
            {
                problems.Add(File, $"{where}.capture.{name}", $"'{source}' must be 'header:<Name>' or 'json:<$.path>'");
            }

            scope.Captured.Add(name);
        }

        return new RequestStep(request, expect, capture, StepMapper.MapEventually(doc.Eventually, $"{where}.eventually", problems));
    }

    public static RequestTemplate MapRequest(RequestDocument doc, string where, ProblemList problems)
    {
        var method = (doc.Method ?? "GET").ToUpperInvariant();
        if (!Methods.Contains(method))
        {
            problems.Add(File, $"{where}.method", $"'{doc.Method}' is not an HTTP method the runner sends");
        }

        if (problems.Require(doc.Path, File, $"{where}.path", "request path") && !doc.Path!.StartsWith('/') && !doc.Path.StartsWith("{{", StringComparison.Ordinal))
        {
            problems.Add(File, $"{where}.path", $"'{doc.Path}' must start with '/' (or be a captured value such as {{{{location}}}})");
        }

        if (doc.Json is not null && doc.Body is not null)
        {
            problems.Add(File, where, "give either 'json' or 'body', not both");
        }

        return new RequestTemplate(method, doc.Path ?? "/", doc.Headers ?? [], doc.Json?.ToJsonString(), doc.Body);
    }

    public static Expectation MapExpect(ExpectDocument doc, string where, ProblemList problems)
    {
        var status = new List<int>();
        switch (doc.Status)
        {
            case JsonValue v when v.TryGetValue<long>(out var code):
                status.Add((int)code);
                break;
            case JsonArray a:
                status.AddRange(a.Select(n => n is JsonValue x && x.TryGetValue<long>(out var c) ? (int)c : -1));
                break;
            default:
                problems.Add(File, $"{where}.status", "a status code or a list of status codes is required");
                break;
        }

        if (status.Any(s => s is < 100 or > 599))
        {
            problems.Add(File, $"{where}.status", "status codes must be between 100 and 599");
        }

        var json = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, expected) in doc.Json ?? [])
        {
            if (!path.StartsWith('$'))
            {
                problems.Add(File, $"{where}.json", $"'{path}' must be a JSON path starting with '$'");
            }

            var text = expected switch
            {
                null => "null",
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                _ => expected.ToJsonString(),
            };
            if (!Matchers.IsKnown(text))
            {
                problems.Add(File, $"{where}.json.{path}", $"'{text}' is not a known matcher ({string.Join(", ", Matchers.Keywords)}, @length:N, @not:VALUE)");
            }

            json[path] = text;
        }

        foreach (var (name, expected) in doc.Headers ?? [])
        {
            if (!Matchers.IsKnown(expected))
            {
                problems.Add(File, $"{where}.headers.{name}", $"'{expected}' is not a known matcher");
            }
        }

        if (doc.MaxMs is < 1 or > 600_000)
        {
            problems.Add(File, $"{where}.maxMs", "must be between 1 and 600000 milliseconds");
        }

        return new Expectation(status, doc.ContentType, doc.Headers ?? [], json) { MaxMs = doc.MaxMs };
    }
}
