using System.Text;
using Assessments.Domain.Challenges;
using Assessments.Domain.Kits;
using Assessments.Domain.Rubrics;

namespace Assessments.Submissions.Kits;

/// <summary>CHECKS.md: the visible checks in words (and each scenario's steps as the grader runs them), with their points.</summary>
internal static class KitChecksDocument
{
    public static string Render(Challenge challenge, Rubric visible, IReadOnlyDictionary<string, string> scenarioSteps)
    {
        var md = new StringBuilder($"# The visible checks of {challenge.Title}\n\n");
        md.Append("`assess check` runs these against your own build exactly as the grader does, with the grader's own stubs. ")
          .Append("The grader runs more checks that you cannot see here; the brief's *How it is graded* names every behaviour they judge. ")
          .Append("The points are what the visible checks carry in the platform's rubric; no level is decided from them.\n\n");

        md.Append("## Points\n\n| criterion | points | checks |\n|---|---|---|\n");
        foreach (var c in visible.Criteria)
        {
            md.Append($"| {c.Title} | {c.Points}{(c.Partial ? " (shared among its checks)" : string.Empty)} | {string.Join(", ", c.Checks.Select(id => $"`{id}`"))} |\n");
        }

        md.Append($"\nIn all: {visible.MaxPoints} points.\n\n## Scenarios (scenarios.yaml)\n\n");
        md.Append("Run in this order against one container. `{{run.id}}` is unique per run; `{{name}}` is a value captured by an earlier step.\n\n");
        foreach (var scenario in VisibleChecks.Scenarios(challenge))
        {
            md.Append($"### `{scenario.Id}`: {scenario.Title}\n\n```yaml\n{scenarioSteps.GetValueOrDefault(scenario.Id, string.Empty)}```\n\n");
        }

        md.Append("## The runner's own checks\n\n");
        foreach (var id in visible.Criteria.SelectMany(c => c.Checks).Where(id => challenge.Scenarios.All(s => s.Id != id)).Distinct(StringComparer.Ordinal))
        {
            md.Append($"- `{id}`: {RunnerCheckDescriptions.For(challenge, id)}.\n");
        }

        md.Append("\nThe contract checks send requests generated from `openapi.yaml` (valid ones at the edges of every schema, invalid ones breaking one rule each, unknown ids, undocumented methods) and judge every response. ");
        md.Append("On the platform, latency under load is also compared with a reference solution measured on the same machine; `assess check` judges only the absolute thresholds.\n");
        return md.ToString();
    }
}
