namespace Assessments.Submissions;

/// <summary>
/// Turns what a candidate handed in (a folder, a .zip or a .tar.gz) into a <see cref="StagedSubmission"/>:
/// regular files only, no links, within limits, or a <see cref="SubmissionRejectedException"/> that
/// names the first violation. Nothing is built from a submission that did not pass here.
/// </summary>
public static class SubmissionIntake
{
    public static StagedSubmission Stage(string path, SubmissionLimits limits)
    {
        if (Directory.Exists(path))
        {
            var root = Path.GetFullPath(path);
            return new StagedSubmission(Path.GetFileName(root.TrimEnd('/')), root, ScanFolder(root, limits), ownedDirectory: null);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Submission '{path}' is neither a folder nor a file.", path);
        }

        var kind = ArchiveKinds.Detect(path)
            ?? throw new SubmissionRejectedException("the submission must be a folder, a .zip or a .tar.gz archive", Path.GetFileName(path));
        var size = new FileInfo(path).Length;
        if (size > limits.MaxCompressedBytes)
        {
            throw new SubmissionRejectedException($"the archive is {size:N0} bytes, over the limit of {limits.MaxCompressedBytes:N0}");
        }

        var staging = OwnedTempFolders.Create(OwnedTempFolders.Submission).FullName;
        try
        {
            ArchiveExtractor.Extract(path, kind, staging, limits);
            var root = SingleTopFolder(staging) ?? staging;
            return new StagedSubmission(Path.GetFileName(path), root, ScanFolder(root, limits), staging);
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    /// <summary>Archives made by zipping a folder hold one top folder; the submission is what is inside it.</summary>
    private static string? SingleTopFolder(string staging)
    {
        var entries = Directory.GetFileSystemEntries(staging);
        return entries.Length == 1 && Directory.Exists(entries[0]) ? entries[0] : null;
    }

    private static List<SubmissionFile> ScanFolder(string root, SubmissionLimits limits)
    {
        var ignore = DockerIgnore.Load(root);
        var files = new List<SubmissionFile>();
        long total = 0;
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            foreach (var entry in new DirectoryInfo(pending.Pop()).EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
                if (relative == ".git" || (ignore.IsExcluded(relative) && (entry is not DirectoryInfo || !ignore.HasExceptions)))
                {
                    continue;
                }

                if (entry.LinkTarget is not null)
                {
                    throw new SubmissionRejectedException("links are not allowed in a submission", relative);
                }

                if (entry is DirectoryInfo dir)
                {
                    pending.Push(dir.FullName);
                    continue;
                }

                if (entry is not FileInfo file || (file.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) != 0)
                {
                    throw new SubmissionRejectedException("only regular files are allowed in a submission", relative);
                }

                total += file.Length;
                if (files.Count >= limits.MaxEntries)
                {
                    throw new SubmissionRejectedException($"the submission has more than {limits.MaxEntries:N0} files");
                }

                if (total > limits.MaxExtractedBytes)
                {
                    throw new SubmissionRejectedException($"the submission is larger than {limits.MaxExtractedBytes:N0} bytes");
                }

                files.Add(new SubmissionFile(relative, file.FullName, file.Length));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }
}
