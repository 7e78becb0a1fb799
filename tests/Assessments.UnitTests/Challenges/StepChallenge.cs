using Assessments.UnitTests.Support;

namespace Assessments.UnitTests.Challenges;

/// <summary>A minimal valid challenge folder whose scenarios (and upstream block) each test chooses.</summary>
internal static class StepChallenge
{
    public const string Upstream = """
        upstream:
          resources: prices
          data: upstream-data.json
          effects: payments
          latencyMs: 100
          jitterMs: 10
        """;

    public static void WriteTo(TempFolder folder, string steps, string? upstream = Upstream, string service = "")
    {
        folder.Write("challenge.yaml", $"""
            id: steps
            version: 1.0.0
            title: Steps
            service:
              port: 8080
            {service}
            {upstream ?? string.Empty}
            """);
        folder.Write("upstream-data.json", """{ "SKU-1": { "priceCents": 1000 } }""");
        folder.Write("scenarios.yaml", "scenarios:\n  - id: s\n    title: S\n    steps:\n" + Indent(steps, 6));
        folder.Write("rubric.yaml", """
            version: "1"
            criteria:
              - { id: c, title: C, competency: resilience, points: 10, checks: [s] }
            levels:
              junior: { minScore: 10, requires: [c] }
            """);
        folder.Write("brief.md", "# Steps\n");
        folder.Write("openapi.yaml", "openapi: 3.0.3\n");
        folder.Write("starter/Dockerfile", "FROM scratch\n");
    }

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(l => new string(' ', spaces) + l)) + "\n";
}
