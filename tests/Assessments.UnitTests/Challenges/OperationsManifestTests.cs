using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Scoring;
using Assessments.UnitTests.Support;

namespace Assessments.UnitTests.Challenges;

public sealed class OperationsManifestTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_bundled_challenge_declares_operations_and_a_relative_load_threshold()
    {
        var challenge = ChallengeLoader.Load(Path.Combine(RepositoryPaths.Root, "challenges", "api-design"));

        var operations = Assert.IsType<Assessments.Domain.Challenges.OperationsSpec>(challenge.Operations);
        Assert.StartsWith("/", operations.Readiness, StringComparison.Ordinal);
        Assert.Equal(Level.Senior, challenge.Load?.Baseline?.Reference);
        Assert.Contains(challenge.Load!.Thresholds, t => t.Contains("baseline", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_operations_block_is_reported_field_by_field()
    {
        var folder = WithManifestTail("""
            operations:
              liveness: health/live
              metrics: /metrics
              traceProbe: { method: PATCH, path: "/x/{{id}}", headers: { a: b } }
              shutdownGraceSeconds: 0
            """);

        var (_, problems) = ChallengeLoader.Validate(folder);

        Assert.Contains(problems, p => p.Where == "operations.liveness" && p.Message.Contains("starting with '/'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Where == "operations.readiness" && p.Message.Contains("required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Where == "operations.traceProbe.method");
        Assert.Contains(problems, p => p.Where == "operations.traceProbe.path" && p.Message.Contains("placeholders", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Where == "operations.traceProbe" && p.Message.Contains("headers", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Where == "operations.shutdownGraceSeconds");
    }

    [Fact]
    public void Relative_thresholds_need_a_baseline_of_a_listed_reference()
    {
        var folder = ReplaceLoad("""
            load:
              request: { method: GET, path: "/products/{{i % 0}}" }
              rate: 100
              thresholds: ["p(99) < 3 x baseline + 20ms", "p(99) < 2 x baseline + 5s"]
              baseline: { reference: engineer-ii, maxAgeHours: 0 }
              upstreamCallsPerRequest: "about 0.2"
            """);
        var manifest = Path.Combine(folder, "challenge.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("  engineer-ii: reference/engineer-ii\n", string.Empty, StringComparison.Ordinal));

        var (_, problems) = ChallengeLoader.Validate(folder);

        Assert.Contains(problems, p => p.Where == "load.request.path" && p.Message.Contains("between 1 and", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Where == "load.baseline.reference" && p.Message.Contains("no 'engineer-ii' reference", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Where == "load.baseline.maxAgeHours");
        Assert.Contains(problems, p => p.Where == "load.thresholds[1]" && p.Message.Contains("slack", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Where == "load.thresholds[0]");
        Assert.Contains(problems, p => p.Where == "load.upstreamCallsPerRequest");
    }

    [Fact]
    public void A_relative_threshold_without_a_baseline_is_a_problem()
    {
        var folder = ReplaceLoad("""
            load:
              request: { method: GET, path: "/products" }
              rate: 100
              thresholds: ["p(99) < 3 x baseline + 20ms"]
            """);

        var (_, problems) = ChallengeLoader.Validate(folder);

        Assert.Contains(problems, p => p.Where == "load.thresholds[0]" && p.Message.Contains("needs load.baseline", StringComparison.Ordinal));
    }

    private string Copy() => _temp.CopyOf(Path.Combine(RepositoryPaths.Root, "challenges", "api-design"), "challenge");

    private string WithManifestTail(string operations)
    {
        var folder = Copy();
        var manifest = Path.Combine(folder, "challenge.yaml");
        var text = File.ReadAllText(manifest);
        var start = text.IndexOf("operations:", StringComparison.Ordinal);
        var kept = start < 0 ? text : text[..start] + text[NextTopLevelKey(text, start)..];
        File.WriteAllText(manifest, kept.TrimEnd() + "\n" + operations + "\n");
        return folder;
    }

    private string ReplaceLoad(string load)
    {
        var folder = Copy();
        var manifest = Path.Combine(folder, "challenge.yaml");
        var text = File.ReadAllText(manifest);
        var start = text.IndexOf("\nload:", StringComparison.Ordinal) + 1;
        File.WriteAllText(manifest, text[..start] + load + "\n" + text[NextTopLevelKey(text, start)..]);
        return folder;
    }

    // The next line that starts a top-level key or comment after the section starting at `start`.
    private static int NextTopLevelKey(string text, int start)
    {
        var lines = text[start..].Split('\n');
        var offset = start + lines[0].Length + 1;
        foreach (var line in lines.Skip(1))
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                return offset;
            }

            offset += line.Length + 1;
        }

        return text.Length;
    }
}
