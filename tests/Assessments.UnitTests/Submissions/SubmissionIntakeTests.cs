using System.Formats.Tar;
using Assessments.Submissions;
using Assessments.UnitTests.Support;

namespace Assessments.UnitTests.Submissions;

[Collection(Staging.Name)]
public sealed class SubmissionIntakeTests : IDisposable
{
    private static readonly (string Name, string Content)[] Files =
    [
        ("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n"),
        ("src/Program.cs", "app.Run();\n"),
        ("src/Api/Products.cs", "record Product(string Sku);\n"),
        ("README.md", "# Catalog\n"),
    ];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Stage_of_a_clean_zip_lists_its_files_in_path_order()
    {
        using var staged = SubmissionIntake.Stage(Archives.Zip(_temp.PathOf("s.zip"), Files), SubmissionLimits.Default);

        Assert.Equal(["Dockerfile", "README.md", "src/Api/Products.cs", "src/Program.cs"], staged.Files.Select(f => f.RelativePath));
        Assert.Equal("s.zip", staged.Name);
        Assert.Equal(Files.Sum(f => (long)f.Content.Length), staged.TotalBytes);
        Assert.Equal("app.Run();\n", File.ReadAllText(Path.Combine(staged.Root, "src", "Program.cs")));
    }

    [Fact]
    public void Stage_walks_into_an_ignored_folder_when_a_later_rule_brings_a_file_back()
    {
        // given docs/ is ignored but docs/README.md is excepted, as Docker's own CLI would send it
        var root = _temp.PathOf("ignored");
        Directory.CreateDirectory(Path.Combine(root, "docs"));
        File.WriteAllText(Path.Combine(root, "Dockerfile"), "FROM x\n");
        File.WriteAllText(Path.Combine(root, "docs", "README.md"), "# kept\n");
        File.WriteAllText(Path.Combine(root, "docs", "notes.txt"), "dropped\n");
        File.WriteAllText(Path.Combine(root, DockerIgnore.FileName), "docs\n!docs/README.md\n");

        // when
        using var staged = SubmissionIntake.Stage(root, SubmissionLimits.Default);

        // then
        Assert.Equal([".dockerignore", "Dockerfile", "docs/README.md"], staged.Files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Stage_of_a_clean_tar_gz_lists_its_files()
    {
        using var staged = SubmissionIntake.Stage(Archives.TarGz(_temp.PathOf("s.tar.gz"), Files), SubmissionLimits.Default);

        Assert.Equal(["Dockerfile", "README.md", "src/Api/Products.cs", "src/Program.cs"], staged.Files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Stage_of_a_tar_gz_made_by_git_archive_skips_its_global_header()
    {
        // given what `git archive --format=tar.gz HEAD` writes first: a pax global header naming the commit
        var archive = Archives.TarGz(_temp.PathOf("s.tar.gz"), tar =>
        {
            tar.WriteEntry(new PaxGlobalExtendedAttributesTarEntry(new Dictionary<string, string> { ["comment"] = "8ef60daa0cca" }) { Name = "pax_global_header" });
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "Dockerfile") { DataStream = new MemoryStream("FROM scratch\n"u8.ToArray()) });
        });

        // when
        using var staged = SubmissionIntake.Stage(archive, SubmissionLimits.Default);

        // then
        Assert.Equal("Dockerfile", Assert.Single(staged.Files).RelativePath);
    }

    [Fact]
    public void Stage_unwraps_a_zip_that_holds_everything_in_one_top_folder()
    {
        var wrapped = Files.Select(f => ($"catalog-api/{f.Name}", f.Content)).ToArray();

        using var staged = SubmissionIntake.Stage(Archives.Zip(_temp.PathOf("s.zip"), wrapped), SubmissionLimits.Default);

        Assert.Contains(staged.Files, f => f.RelativePath == "Dockerfile");
        Assert.DoesNotContain(staged.Files, f => f.RelativePath.StartsWith("catalog-api", StringComparison.Ordinal));
    }

    [Fact]
    public void ComputeSha256_is_the_same_for_a_folder_a_zip_and_a_tar_gz_of_the_same_content()
    {
        // given
        foreach (var (name, content) in Files)
        {
            _temp.Write($"folder/{name}", content);
        }

        var folder = _temp.PathOf("folder");
        var zip = Archives.ZipOf(folder, _temp.PathOf("s.zip"));
        var tarGz = Archives.TarGzOf(folder, _temp.PathOf("s.tar.gz"));

        // when
        var hashes = new[] { folder, zip, tarGz }.Select(path =>
        {
            using var staged = SubmissionIntake.Stage(path, SubmissionLimits.Default);
            return staged.ComputeSha256();
        }).ToList();

        // then
        Assert.Matches("^[0-9a-f]{64}$", hashes[0]);
        Assert.All(hashes, h => Assert.Equal(hashes[0], h));
    }

    [Fact]
    public void ComputeSha256_changes_when_one_byte_of_content_changes()
    {
        using var before = SubmissionIntake.Stage(Archives.Zip(_temp.PathOf("a.zip"), ("a.txt", "1")), SubmissionLimits.Default);
        using var after = SubmissionIntake.Stage(Archives.Zip(_temp.PathOf("b.zip"), ("a.txt", "2")), SubmissionLimits.Default);

        Assert.NotEqual(before.ComputeSha256(), after.ComputeSha256());
    }

    [Fact]
    public void Stage_of_a_folder_leaves_out_git_and_dockerignored_paths()
    {
        _temp.Write("s/Dockerfile", "FROM scratch\n");
        _temp.Write("s/.dockerignore", "bin/\n");
        _temp.Write("s/bin/app.dll", "binary");
        _temp.Write("s/.git/HEAD", "ref: refs/heads/main\n");

        using var staged = SubmissionIntake.Stage(_temp.PathOf("s"), SubmissionLimits.Default);

        Assert.Equal([".dockerignore", "Dockerfile"], staged.Files.Select(f => f.RelativePath));
        Assert.Equal("s", staged.Name);
    }

    [Fact]
    public void Dispose_removes_the_folder_an_archive_was_staged_in()
    {
        var staged = SubmissionIntake.Stage(Archives.Zip(_temp.PathOf("s.zip"), Files), SubmissionLimits.Default);
        Assert.True(Directory.Exists(staged.Root));

        staged.Dispose();

        Assert.False(Directory.Exists(staged.Root));
    }

    [Fact]
    public void Dispose_leaves_a_staged_folder_in_place()
    {
        _temp.Write("s/Dockerfile", "FROM scratch\n");

        SubmissionIntake.Stage(_temp.PathOf("s"), SubmissionLimits.Default).Dispose();

        Assert.True(File.Exists(_temp.PathOf("s/Dockerfile")));
    }
}
