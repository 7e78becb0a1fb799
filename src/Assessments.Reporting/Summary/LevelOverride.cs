namespace Assessments.Reporting.Summary;

/// <summary>An interviewer's level set over the rubric's, with who set it and why; shown at the top of the report.</summary>
public sealed record LevelOverride(string Level, string By, string Reason, DateTimeOffset? At = null);
