using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Assessments.Submissions;

namespace Assessments.IntegrationTests;

/// <summary>The `assess` command line as people script it: exit codes, report files, clear errors.</summary>
[Collection(DockerThirdCollection.Name)]
public sealed class CliTests(DockerFixture docker) : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("assess-cli-").FullName;

    [Fact]
    public async Task Grade_of_a_submission_that_does_not_compile_reports_build_failed_with_the_compiler_error_and_exits_0()
    {
        var (exit, output) = await AssessProcess.RunAsync("grade", "--challenge", "api-design", "--submission", "challenges/api-design/samples/broken-build", "--out", _out);

        Assert.True(exit == 0, output);
        var report = ReadReport();
        Assert.Equal("build_failed", (string?)report["status"]);
        Assert.Equal("not-yet", (string?)report["level"]);
        Assert.Contains("error CS0029", report["failure"]!["logTail"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.All(report["criteria"]!.AsArray(), c => Assert.NotEmpty(c!["evidence"]!.AsArray()));
        AssertReportFilesWritten();
        Assert.Empty(await ReportSchema.ErrorsAsync(File.ReadAllText(Path.Combine(_out, "report.json"))));
        Assert.Empty(await docker.LeftoversAsync());
    }

    [Fact]
    public async Task Grade_of_a_service_that_exits_at_start_reports_start_failed_with_exit_code_and_last_log_lines()
    {
        var (exit, output) = await AssessProcess.RunAsync("grade", "-c", "api-design", "-s", "challenges/api-design/samples/exits-at-start", "-o", _out);

        Assert.True(exit == 0, output);
        var report = ReadReport();
        Assert.Equal("start_failed", (string?)report["status"]);
        Assert.Equal(3, (int?)report["failure"]!["exitCode"]);
        Assert.Contains("CATALOG_DATABASE_URL is not set", report["failure"]!["logTail"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("exit code 3", output, StringComparison.Ordinal);
        Assert.Empty(await docker.LeftoversAsync());
    }

    [Fact]
    public async Task Grade_of_a_tar_gz_archive_hashes_like_the_same_folder_and_grades_it()
    {
        // The archive is under test, not the latencies: graded without the load profile, beside other tests.
        var challenges = ChallengesWithoutLoad.CopyFrom(Path.Combine(RepositoryPaths.Root, "challenges"));
        try
        {
            await GradeTarGzAsync(Path.Combine(challenges, "api-design"));
        }
        finally
        {
            Directory.Delete(challenges, recursive: true);
        }
    }

    private async Task GradeTarGzAsync(string challenge)
    {
        // given the senior reference packed as a .tar.gz with a top folder, as people upload it
        var source = Path.Combine(RepositoryPaths.Root, "challenges/api-design/reference/senior");
        var archive = Path.Combine(_out, "senior.tar.gz");
        await using (var file = File.Create(archive))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        await using (var tar = new TarWriter(gzip))
        {
            // TarFile.CreateFromDirectory leaves dot-files out; a candidate's tar would not.
            foreach (var path in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                await tar.WriteEntryAsync(path, "senior/" + Path.GetRelativePath(source, path));
            }
        }

        using var folder = SubmissionIntake.Stage(source, SubmissionLimits.Default);

        var (exit, output) = await AssessProcess.RunAsync("grade", "-c", challenge, "-s", archive, "-o", Path.Combine(_out, "archive"));

        Assert.True(exit == 0, output);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(_out, "archive", "report.json")))!;
        Assert.Equal("graded", (string?)report["status"]);
        Assert.Equal("senior", (string?)report["level"]);
        Assert.Equal(folder.Files.Count, (int?)report["submission"]!["files"]);
        Assert.Equal(folder.ComputeSha256(), (string?)report["submission"]!["sha256"]);
    }

    [Fact]
    public async Task Grade_of_an_archive_with_a_path_outside_the_submission_is_rejected_with_the_entry_named()
    {
        var archive = Path.Combine(_out, "evil.zip");
        using (var zip = ZipFile.Open(archive, ZipArchiveMode.Create))
        {
            zip.CreateEntry("Dockerfile");
            zip.CreateEntry("../../etc/cron.d/evil");
        }

        var (exit, output) = await AssessProcess.RunAsync("grade", "-c", "api-design", "-s", archive, "-o", _out);

        Assert.True(exit == 0, output);
        var report = ReadReport();
        Assert.Equal("rejected", (string?)report["status"]);
        Assert.Contains("../../etc/cron.d/evil", (string?)report["failure"]!["message"], StringComparison.Ordinal);
        Assert.False(File.Exists("/etc/cron.d/evil"));
    }

    [Fact]
    public async Task Grade_with_an_unknown_challenge_exits_1_with_a_clear_error_and_writes_nothing()
    {
        var (exit, output) = await AssessProcess.RunAsync("grade", "-c", "no-such-challenge", "-s", "challenges/api-design/starter", "-o", _out);

        Assert.Equal(1, exit);
        Assert.Contains("No challenge 'no-such-challenge'", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_out, "report.json")));
    }

    [Fact]
    public async Task Validate_lists_every_problem_of_a_broken_challenge_and_exits_1()
    {
        var broken = Path.Combine(_out, "broken");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "challenge.yaml"), "id: Broken Id\nversion: 1\nservice: { port: 70000 }\n");
        File.WriteAllText(Path.Combine(broken, "rubric.yaml"), "version: x\ncriteria:\n  - { id: a, title: A, competency: c, points: 5, checks: [nope] }\nlevels: { junior: { minScore: 10 } }\n");

        var (exit, output) = await AssessProcess.RunAsync("validate", broken);

        Assert.Equal(1, exit);
        Assert.Contains("challenge title is required", output, StringComparison.Ordinal);
        Assert.Contains("70000 is not a TCP port", output, StringComparison.Ordinal);
        Assert.Contains("scenarios.yaml: file is missing", output, StringComparison.Ordinal);
        Assert.Contains("'nope' is neither a scenario", output, StringComparison.Ordinal);
        Assert.Contains("starter/Dockerfile", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private JsonNode ReadReport() => JsonNode.Parse(File.ReadAllText(Path.Combine(_out, "report.json")))!;

    private void AssertReportFilesWritten()
    {
        foreach (var file in new[] { "report.json", "report.md", "report.html" })
        {
            Assert.True(new FileInfo(Path.Combine(_out, file)).Length > 0, file);
        }
    }
}
