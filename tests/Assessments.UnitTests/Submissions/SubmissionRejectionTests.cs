using System.Formats.Tar;
using System.IO.Compression;
using Assessments.Submissions;
using Assessments.UnitTests.Support;

namespace Assessments.UnitTests.Submissions;

[Collection(Staging.Name)]
public sealed class SubmissionRejectionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Stage_rejects_a_zip_entry_that_climbs_out_of_the_submission()
    {
        var e = Staging.Reject(Archives.Zip(_temp.PathOf("s.zip"), ("Dockerfile", "FROM scratch"), ("../evil", "x")));

        Assert.Equal("../evil", e.Entry);
    }

    [Fact]
    public void Stage_rejects_a_tar_entry_with_an_absolute_path()
    {
        var e = Staging.Reject(Archives.TarGz(_temp.PathOf("s.tar.gz"), ("/etc/x", "x")));

        Assert.Contains("absolute paths", e.Message, StringComparison.Ordinal);
        Assert.Equal("/etc/x", e.Entry);
    }

    [Theory]
    [InlineData(TarEntryType.SymbolicLink)]
    [InlineData(TarEntryType.HardLink)]
    public void Stage_rejects_a_link_in_a_tar(TarEntryType type)
    {
        var archive = Archives.TarGz(_temp.PathOf("s.tar.gz"), tar => tar.WriteEntry(new PaxTarEntry(type, "passwd") { LinkName = "/etc/passwd" }));

        var e = Staging.Reject(archive);

        Assert.Equal("links are not allowed in a submission: 'passwd'", e.Message);
    }

    [Fact]
    public void Stage_rejects_a_zip_entry_marked_as_a_unix_symlink()
    {
        var archive = Archives.Zip(_temp.PathOf("s.zip"), zip =>
        {
            var link = zip.CreateEntry("passwd");
            link.ExternalAttributes = 0xA1FF << 16;
            using var writer = new StreamWriter(link.Open());
            writer.Write("/etc/passwd");
        });

        var e = Staging.Reject(archive);

        Assert.Equal("links are not allowed in a submission: 'passwd'", e.Message);
    }

    [Fact]
    public void Stage_rejects_an_archive_with_more_entries_than_the_limit()
    {
        var files = Enumerable.Range(0, 5).Select(i => ($"f{i}.txt", "x")).ToArray();

        var e = Staging.Reject(Archives.Zip(_temp.PathOf("s.zip"), files), new SubmissionLimits { MaxEntries = 3 });

        Assert.Contains("more than 3 entries", e.Message, StringComparison.Ordinal);
        Assert.Equal("f3.txt", e.Entry);
    }

    [Fact]
    public void Stage_rejects_an_archive_that_extracts_to_more_than_the_limit()
    {
        var archive = Archives.TarGz(_temp.PathOf("s.tar.gz"), ("small.txt", "ok"), ("big.txt", new string('x', 2000)));

        var e = Staging.Reject(archive, new SubmissionLimits { MaxExtractedBytes = 1000 });

        Assert.Contains("extracts to more than 1,000 bytes", e.Message, StringComparison.Ordinal);
        Assert.Equal("big.txt", e.Entry);
    }

    [Fact]
    public void Stage_rejects_a_zip_compression_bomb_by_its_ratio()
    {
        // given a few MB of zeros, which deflate to a few KB
        var archive = Archives.Zip(_temp.PathOf("bomb.zip"), zip =>
        {
            using var entry = zip.CreateEntry("zeros.bin", CompressionLevel.Optimal).Open();
            entry.Write(new byte[4 * 1024 * 1024]);
        });

        var e = Staging.Reject(archive);

        Assert.Contains("compression ratio above 20", e.Message, StringComparison.Ordinal);
        Assert.Equal("zeros.bin", e.Entry);
    }

    [Fact]
    public void Stage_rejects_a_tar_gz_compression_bomb_by_the_ratio_of_the_whole_archive()
    {
        var archive = Archives.TarGz(_temp.PathOf("bomb.tar.gz"), tar =>
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "zeros.bin") { DataStream = new MemoryStream(new byte[4 * 1024 * 1024]) }));

        var e = Staging.Reject(archive);

        Assert.Contains("compression ratio above 20", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_rejects_a_file_that_is_neither_zip_nor_gzip()
    {
        var e = Staging.Reject(_temp.Write("submission.rar", "Rar!\u001a\u0007 not really"));

        Assert.Equal("submission.rar", e.Entry);
        Assert.Contains("a folder, a .zip or a .tar.gz", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_rejects_a_corrupt_zip()
    {
        var e = Staging.Reject(_temp.WriteBytes("broken.zip", [(byte)'P', (byte)'K', 3, 4, 0, 0, 0, 0]));

        Assert.Contains("the zip archive is corrupt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_rejects_an_archive_larger_than_the_compressed_limit()
    {
        var archive = Archives.Zip(_temp.PathOf("s.zip"), ("a.txt", "hello"));

        var e = Staging.Reject(archive, new SubmissionLimits { MaxCompressedBytes = 10 });

        Assert.Contains("over the limit of 10", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_rejects_a_folder_that_holds_a_symlink()
    {
        _temp.Write("s/Dockerfile", "FROM scratch\n");
        File.CreateSymbolicLink(_temp.PathOf("s/passwd"), "/etc/passwd");

        var e = Staging.Reject(_temp.PathOf("s"));

        Assert.Equal("links are not allowed in a submission: 'passwd'", e.Message);
    }

    [Fact]
    public void Stage_rejects_a_folder_with_more_files_than_the_limit()
    {
        for (var i = 0; i < 4; i++)
        {
            _temp.Write($"s/f{i}.txt", "x");
        }

        var e = Staging.Reject(_temp.PathOf("s"), new SubmissionLimits { MaxEntries = 3 });

        Assert.Contains("more than 3 files", e.Message, StringComparison.Ordinal);
    }
}
