namespace Assessments.Submissions;

/// <summary>One regular file of a submission, by its path inside the submission (forward slashes).</summary>
public sealed record SubmissionFile(string RelativePath, string FullPath, long Length);
