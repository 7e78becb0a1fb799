using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Assessments.IntegrationTests;

/// <summary>
/// <c>assess grade --format junit,sarif</c> on a real grading (Docker): only the files asked for are
/// written, and both validate against the schemas fetched from npm (scripts/ensure-ci-schemas.sh).
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class CiFormatsTests(DockerFixture docker) : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("assess-ci-").FullName;

    [Fact]
    public async Task Grade_with_format_junit_and_sarif_writes_both_and_they_validate_against_their_schemas()
    {
        // given: api-design without its load profile (on a shared two-core machine the load generator
        // cannot keep its schedule) and a junior solution with code-insight findings
        var challenge = WithoutLoadProfile(RepositoryPaths.Challenge("api-design"));
        var submission = JuniorWithFindings();

        // A whole grading (build, scenarios, contract, operations) takes longer than the helper's default 5 minutes on a busy two-core machine.
        var (exit, stdout, stderr) = await AssessProcess.RunAsync(TimeSpan.FromMinutes(15), "grade", "-c", challenge, "-s", submission, "-o", Path.Combine(_out, "reports"), "--format", "junit,sarif");
        var output = stdout + stderr;

        Assert.True(exit == 0, output);
        Assert.Equal(["report.junit.xml", "report.sarif"], Directory.GetFiles(Path.Combine(_out, "reports")).Select(Path.GetFileName).Order());
        Assert.Contains("report.junit.xml, report.sarif", output, StringComparison.Ordinal);
        var junit = await File.ReadAllTextAsync(Path.Combine(_out, "reports", "report.junit.xml"));
        var sarif = await File.ReadAllTextAsync(Path.Combine(_out, "reports", "report.sarif"));
        Assert.Empty(CiSchemas.JUnitErrors(junit));
        Assert.Empty(await CiSchemas.SarifErrorsAsync(sarif));
        var criteria = XDocument.Parse(junit).Root!.Elements("testsuite").Single(s => (string)s.Attribute("name")! == "criteria");
        Assert.Contains(criteria.Elements("testcase"), t => t.Element("failure")?.Value.Contains("$ curl", StringComparison.Ordinal) == true);
        var rules = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray().Select(r => (string)r!["ruleId"]!).ToHashSet();
        Assert.Superset(new HashSet<string> { "async-void", "swallowed-exception" }, rules);
        Assert.Empty(await docker.LeftoversAsync());
    }

    [Fact]
    public async Task Grade_with_an_unknown_format_exits_1_before_grading_and_names_the_known_ones()
    {
        var (exit, output) = await AssessProcess.RunAsync("grade", "-c", "api-design", "-s", "challenges/api-design/starter", "-o", _out, "--format", "junit,pdf");

        Assert.Equal(1, exit);
        Assert.Contains("Unknown report format 'pdf'; known formats: json, md, html, junit, sarif.", output.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_out));
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);

    /// <summary>api-design's junior reference plus Submissions/ci-formats (code the service never calls, with smells).</summary>
    private string JuniorWithFindings()
    {
        var folder = Path.Combine(_out, "submission");
        Copy(RepositoryPaths.Challenge("api-design") + "/reference/junior", folder);
        Copy(Path.Combine(AppContext.BaseDirectory, "Submissions", "ci-formats"), folder);
        return folder;
    }

    private static void Copy(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }

    private string WithoutLoadProfile(string source)
    {
        var copy = Path.Combine(_out, "api-design");
        Copy(source, copy);

        var manifest = Path.Combine(copy, "challenge.yaml");
        var kept = new List<string>();
        var inLoad = false;
        foreach (var line in File.ReadAllLines(manifest))
        {
            inLoad = line.StartsWith("load:", StringComparison.Ordinal) || (inLoad && (line.Length == 0 || char.IsWhiteSpace(line[0])));
            if (!inLoad)
            {
                kept.Add(line);
            }
        }

        File.WriteAllLines(manifest, kept);
        return copy;
    }
}
