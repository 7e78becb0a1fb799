using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using Assessments.Server.Tests.Support;

namespace Assessments.Server.Tests.Security;

/// <summary>Archives that trip the extractor itself: clashing names, overlong names, nothing at all, a bomb.</summary>
public sealed class UploadAttackTests(SmallUploadLimit seed) : IClassFixture<SmallUploadLimit>
{
    public static TheoryData<string, byte[], string> ClashingArchives() => new()
    {
        { "zip: file x, then x/y", Archives.Zip(("Dockerfile", Archives.Dockerfile), ("x", Archives.Text("file")), ("x/y", Archives.Text("below a file"))), "both a file and a folder" },
        { "zip: folder x/, then file x", Archives.Zip(("Dockerfile", Archives.Dockerfile), ("x/", []), ("x", Archives.Text("file over a folder"))), "both a file and a folder" },
        { "tar: file x, then x/y", Archives.TarGz(tar =>
            {
                tar.WriteEntry(File("Dockerfile", Archives.Dockerfile));
                tar.WriteEntry(File("x", Archives.Text("file")));
                tar.WriteEntry(File("x/y", Archives.Text("below a file")));
            }), "both a file and a folder" },
        { "tar: folder x/, then file x", Archives.TarGz(tar =>
            {
                tar.WriteEntry(File("Dockerfile", Archives.Dockerfile));
                tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "x/"));
                tar.WriteEntry(File("x", Archives.Text("file over a folder")));
            }), "both a file and a folder" },
        { "zip: a 300-character name", Archives.Zip(("Dockerfile", Archives.Dockerfile), ($"src/{new string('n', 300)}.cs", Archives.Text("long"))), "longer than 255 bytes" },
        { "tar: a 300-character folder", Archives.TarGz(tar =>
            {
                tar.WriteEntry(File("Dockerfile", Archives.Dockerfile));
                tar.WriteEntry(File($"{new string('d', 300)}/a.cs", Archives.Text("long")));
            }), "longer than 255 bytes" },
    };

    [Theory]
    [MemberData(nameof(ClashingArchives))]
    public async Task An_archive_whose_names_clash_or_overflow_the_file_system_is_refused_with_400_and_nothing_is_left_behind(string kind, byte[] archive, string reason)
    {
        var candidate = await Uploads.NewCandidateAsync(seed, kind);
        var before = await Uploads.CountsAsync(seed.Database);
        var tempBefore = Uploads.TempFolders();

        using var response = await Uploads.PostAsync(seed, candidate.Token, archive);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await Uploads.CountsAsync(seed.Database));
        Assert.Empty(Uploads.TempFolders().Except(tempBefore));
    }

    [Theory]
    [InlineData("zip")]
    [InlineData("tar.gz")]
    public async Task An_archive_with_no_entries_is_refused_with_400_the_archive_is_empty(string kind)
    {
        var candidate = await Uploads.NewCandidateAsync(seed, $"empty {kind}");
        var before = await Uploads.CountsAsync(seed.Database);
        var archive = kind == "zip" ? EmptyZip() : EmptyTarGz();

        using var response = await Uploads.PostAsync(seed, candidate.Token, archive);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.Contains("the archive is empty", StringComparison.Ordinal), body);
        Assert.Equal(before, await Uploads.CountsAsync(seed.Database));
    }

    [Fact]
    public async Task A_small_tar_gz_that_expands_to_forty_megabytes_is_stopped_at_the_ratio_while_extracting()
    {
        // given: 40 MB of zeros (about 40 KB compressed) followed by an entry the extractor would refuse
        // for another reason; an extractor that measures the ratio only afterwards reaches that entry first
        var bomb = Archives.TarGz(tar =>
        {
            tar.WriteEntry(File("Dockerfile", Archives.Dockerfile));
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "zeros.bin") { DataStream = new MemoryStream(new byte[40 * 1024 * 1024]) });
            tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "after-the-bomb") { LinkName = "/etc/passwd" });
        });
        Assert.True(bomb.Length < SmallUploadLimit.MaxUploadBytes, $"the bomb is {bomb.Length} bytes");
        var candidate = await Uploads.NewCandidateAsync(seed, "bomber");
        var tempBefore = Uploads.TempFolders();

        using var response = await Uploads.PostAsync(seed, candidate.Token, bomb);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("compression ratio", body, StringComparison.Ordinal);
        Assert.Contains("zeros.bin", body, StringComparison.Ordinal);
        Assert.DoesNotContain("links", body, StringComparison.Ordinal);
        Assert.Empty(Uploads.TempFolders().Except(tempBefore));
    }

    private static PaxTarEntry File(string name, byte[] content) => new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) };

    /// <summary>A tar of nothing but its two closing zero blocks, gzipped.</summary>
    private static byte[] EmptyTarGz()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(new byte[1024]);
        }

        return buffer.ToArray();
    }

    private static byte[] EmptyZip()
    {
        using var buffer = new MemoryStream();
        using (new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
        }

        return buffer.ToArray();
    }
}
