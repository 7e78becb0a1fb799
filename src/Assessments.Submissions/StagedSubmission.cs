using System.Security.Cryptography;
using System.Text;

namespace Assessments.Submissions;

/// <summary>
/// A submission that passed intake: a folder of regular files only, within limits. Owns the temporary
/// folder an archive was extracted into and deletes it when disposed.
/// </summary>
public sealed class StagedSubmission : IDisposable
{
    private readonly string? _ownedDirectory;

    internal StagedSubmission(string name, string root, IReadOnlyList<SubmissionFile> files, string? ownedDirectory)
    {
        Name = name;
        Root = root;
        Files = files;
        _ownedDirectory = ownedDirectory;
    }

    public string Name { get; }

    public string Root { get; }

    /// <summary>Files in ordinal order of their relative paths, so hashing and tarring are deterministic.</summary>
    public IReadOnlyList<SubmissionFile> Files { get; }

    public long TotalBytes => Files.Sum(f => f.Length);

    /// <summary>
    /// A content hash independent of how the submission arrived (folder, zip or tar.gz): SHA-256 over
    /// each file's path and contents in path order.
    /// </summary>
    public string ComputeSha256()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.RelativePath));
            hash.AppendData([0]);
            hash.AppendData(BitConverter.GetBytes(file.Length));
            using var stream = File.OpenRead(file.FullPath);
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer.AsSpan(0, read));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public void Dispose()
    {
        if (_ownedDirectory is not null && Directory.Exists(_ownedDirectory))
        {
            Directory.Delete(_ownedDirectory, recursive: true);
        }
    }
}
