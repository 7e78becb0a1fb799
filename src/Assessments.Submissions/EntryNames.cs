using System.Text;

namespace Assessments.Submissions;

/// <summary>Archive entry names are attacker-controlled: only plain relative paths are accepted.</summary>
internal static class EntryNames
{
    // What Linux file systems accept for one name (NAME_MAX), in bytes.
    private const int MaxSegmentBytes = 255;

    public static string Check(string raw)
    {
        var name = raw.Replace('\\', '/');
        if (name.Length == 0 || name.Length > 512)
        {
            throw new SubmissionRejectedException("an entry has an empty or overlong name");
        }

        if (name.StartsWith('/') || (name.Length > 1 && name[1] == ':'))
        {
            throw new SubmissionRejectedException("absolute paths are not allowed", raw);
        }

        if (name.Any(char.IsControl))
        {
            throw new SubmissionRejectedException("entry names may not contain control characters", raw);
        }

        var segments = name.TrimEnd('/').Split('/');
        if (segments.Any(s => s is ".." || s.Length == 0) && name.TrimEnd('/').Length > 0)
        {
            throw new SubmissionRejectedException("'..' and empty path segments are not allowed", raw);
        }

        if (segments.Any(s => Encoding.UTF8.GetByteCount(s) > MaxSegmentBytes))
        {
            throw new SubmissionRejectedException($"a file or folder name is longer than {MaxSegmentBytes} bytes", raw[..Math.Min(raw.Length, 80)] + "…");
        }

        return name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name;
    }
}
