namespace Assessments.Runner.Submissions;

/// <summary>Archive entry names are attacker-controlled: only plain relative paths are accepted.</summary>
internal static class EntryNames
{
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

        return name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name;
    }
}
