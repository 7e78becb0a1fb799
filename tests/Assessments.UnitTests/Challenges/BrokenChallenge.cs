using Assessments.UnitTests.Support;

namespace Assessments.UnitTests.Challenges;

/// <summary>
/// A challenge folder with one mistake of every kind the loader must catch. A misspelt key makes its
/// whole file unreadable, so it sits in challenge.yaml, away from the scenario and rubric mistakes.
/// </summary>
internal static class BrokenChallenge
{
    public const string Manifest = """
        id: broken
        version: 1.0.0
        title: Broken
        pionts: 10
        service:
          port: 8080
        """;

    public const string Scenarios = """
        scenarios:
          - id: create
            title: Create
            visibility: secret
            steps:
              - request: { method: GET, path: "{{location}}" }
                expect:
                  status: 200
                  json: { $.id: "@whatever" }
                capture: { location: "header:Location" }
        """;

    public const string Rubric = """
        version: "1"
        criteria:
          - id: creates
            title: Creates
            competency: api-design
            points: 10
            checks: [create, no-such-check]
        levels:
          junior:
            minScore: 50
            requires: [creates, no-such-criterion]
          senior:
            minScore: 30
            requires: []
        """;

    /// <summary>Writes the broken challenge; brief.md is left out on purpose.</summary>
    public static void WriteTo(TempFolder folder)
    {
        folder.Write("challenge.yaml", Manifest);
        folder.Write("scenarios.yaml", Scenarios);
        folder.Write("rubric.yaml", Rubric);
        folder.Write("openapi.yaml", "openapi: 3.1.0\n");
        folder.Write("starter/Dockerfile", "FROM scratch\n");
    }
}
