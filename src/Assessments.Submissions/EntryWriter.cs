namespace Assessments.Submissions;

/// <summary>
/// Writes one archive entry below the staging folder. What an archive may hold is the candidate's
/// choice, so every way writing it can fail (a file where a folder must go, the same name twice, a
/// name the file system refuses) is a rejection that names the entry, never an I/O error of the
/// platform; only a full disk is the platform's own fault.
/// </summary>
internal static class EntryWriter
{
    // errno values that mean the machine, not the archive, is at fault: ENOSPC, EDQUOT.
    private static readonly int[] PlatformErrors = [28, 122];

    public static void CreateFolder(string destination, string name)
    {
        var target = Target(destination, name);
        Guard(name, () =>
        {
            RefuseFileInTheWay(destination, target, name);
            if (File.Exists(target))
            {
                throw new SubmissionRejectedException("the archive holds both a file and a folder of the same name", name);
            }

            Directory.CreateDirectory(target);
        });
    }

    public static void WriteFile(Stream source, string destination, string name, ExtractionBudget budget, long? compressedLength)
    {
        var target = Target(destination, name);
        Guard(name, () =>
        {
            RefuseFileInTheWay(destination, target, name);
            if (Directory.Exists(target))
            {
                throw new SubmissionRejectedException("the archive holds both a file and a folder of the same name", name);
            }

            if (File.Exists(target))
            {
                throw new SubmissionRejectedException("the archive holds the same file twice", name);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            budget.CountFile();
            var buffer = new byte[81920];
            long written = 0;
            int read;
            while ((read = source.Read(buffer)) > 0)
            {
                written += read;
                budget.CountBytes(read, written, compressedLength, name);
                output.Write(buffer, 0, read);
            }
        });
    }

    private static string Target(string destination, string name)
    {
        var root = Path.GetFullPath(destination);
        var target = Path.GetFullPath(Path.Combine(root, name)).TrimEnd(Path.DirectorySeparatorChar);
        if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new SubmissionRejectedException("the entry would be written outside the submission", name);
        }

        return target;
    }

    /// <summary>An earlier entry made a file where this entry needs a folder (<c>x</c>, then <c>x/y</c>).</summary>
    private static void RefuseFileInTheWay(string destination, string target, string name)
    {
        var root = Path.GetFullPath(destination);
        for (var parent = Path.GetDirectoryName(target); parent is not null && parent.Length > root.Length; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                throw new SubmissionRejectedException(
                    $"the archive holds both a file and a folder named '{Path.GetRelativePath(root, parent).Replace('\\', '/')}'", name);
            }
        }
    }

    private static void Guard(string name, Action write)
    {
        try
        {
            write();
        }
        catch (IOException e) when (e is not EndOfStreamException && !PlatformErrors.Contains(e.HResult))
        {
            throw new SubmissionRejectedException($"the entry cannot be written as named ({e.GetType().Name})", name);
        }
        catch (UnauthorizedAccessException)
        {
            throw new SubmissionRejectedException("the entry cannot be written as named (a folder of that name is in the way)", name);
        }
    }
}
