using System.Diagnostics;
using Assessments.Insight;
using Assessments.Insight.Similarity;
using Assessments.Insight.Similarity.Calibration;
using Assessments.Insight.Sources;

// Usage: Assessments.Bench.Insight <challenges folder> [submissions=100] [cohort=10000, 0 skips it]
// Prints how long code insight adds to one grading (first analysis in a fresh process, then warm),
// and how long comparing N submissions pairwise takes; exits 1 when a target is missed.
var challenges = args.Length > 0 ? args[0] : "challenges";
var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100;
var references = Directory.EnumerateDirectories(challenges)
    .Where(c => Directory.Exists(Path.Combine(c, "reference")))
    .SelectMany(c => Directory.EnumerateDirectories(Path.Combine(c, "reference")).Select(r => (Challenge: c, Folder: r)))
    .OrderBy(r => r.Folder, StringComparer.Ordinal)
    .ToList();
if (references.Count == 0)
{
    Console.Error.WriteLine($"no reference solutions under {challenges}");
    return 2;
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {references.Count} reference solutions under {challenges}");

// 1. One submission, as the grader runs it: first in this process (JIT, reference assemblies loaded), then warm.
var senior = references.FirstOrDefault(r => r.Folder.EndsWith("senior", StringComparison.Ordinal)).Folder ?? references[0].Folder;
var clock = Stopwatch.StartNew();
var first = SubmissionAnalysis.Analyze(senior);
var cold = clock.Elapsed;
clock.Restart();
var second = SubmissionAnalysis.Analyze(senior);
var warm = clock.Elapsed;
Console.WriteLine($"analysis of {Path.GetRelativePath(challenges, senior)}: first {cold.TotalSeconds:0.00} s ({first.Insight.Mode}, {first.Insight.Findings.Count} findings), warm {warm.TotalSeconds:0.00} s ({second.Insight.Mode})");

// 2. N submissions generated from the references with deterministic disguises, compared pairwise
//    against their challenges' starter kits.
var submissions = new List<(string Name, string Challenge, IReadOnlyList<SourceFile> Files)>();
for (var i = 0; submissions.Count < count; i++)
{
    var (challenge, folder) = references[i % references.Count];
    var original = SourceSet.Read(folder, InsightLimits.Default).Code;
    var moves = (DisguiseMoves)(1 + (i % (int)DisguiseMoves.All));
    var files = original.Select(f => f with { Text = Disguise.Apply(f, seed: i, moves) }).ToList();
    submissions.Add(($"{Path.GetFileName(challenge)}/{Path.GetFileName(folder)}#{i}", challenge, files));
}

clock.Restart();
var pairs = 0;
var flagged = 0;
foreach (var group in submissions.GroupBy(s => s.Challenge))
{
    var index = new SimilarityIndex(SimilarityIndex.StarterFiles(Path.Combine(group.Key, "starter")));
    foreach (var s in group)
    {
        index.Add(s.Name, s.Files);
    }

    var results = index.ComparePairwise();
    pairs += results.Count;
    flagged += results.Count(r => r.Flagged);
}

var pairwise = clock.Elapsed;

// The same N as one pool (every submission against every other, whatever its challenge): the worst case.
clock.Restart();
var pool = new SimilarityIndex([]);
foreach (var s in submissions)
{
    pool.Add(s.Name, s.Files);
}

var poolPairs = pool.ComparePairwise().Count;
var worst = clock.Elapsed;
Console.WriteLine($"similarity: {count} submissions, {pairs} pairs within their challenges in {pairwise.TotalSeconds:0.00} s ({flagged} flagged); all {poolPairs} pairs in one pool in {worst.TotalSeconds:0.00} s");

var ok = cold < TimeSpan.FromSeconds(3) && worst < TimeSpan.FromSeconds(10);
Console.WriteLine(ok ? "targets met: analysis < 3 s, 100 submissions pairwise < 10 s" : "TARGET MISSED: analysis must stay under 3 s and 100 submissions pairwise under 10 s");
// 3. The platform's cohort index in PostgreSQL (scripts/ensure-postgres.sh): N generated submissions of one challenge.
var cohortSize = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
if (cohortSize <= 0)
{
    return ok ? 0 : 1;
}

var cohort = await CohortBench.RunAsync(challenges, cohortSize, Environment.GetEnvironmentVariable("ASSESSMENTS_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=assessments");
return ok && cohort == 0 ? 0 : 1;
