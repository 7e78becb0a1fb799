namespace Assessments.Domain.Reports;

/// <summary>
/// What a report says where findings would be when the findings rules (which read C# only) did not
/// read all of the submission: said plainly, so that an empty list is never taken for clean code.
/// </summary>
public static class FindingsNote
{
    /// <summary>The sentence for a submission with no C#, for one with C# beside other languages, else null.</summary>
    public static string? For(CodeInsight insight)
    {
        var others = (insight.Languages ?? []).Where(l => l != "csharp").Select(Display).ToList();
        if (!insight.Analyzed || others.Count == 0 && insight.FindingsRan)
        {
            return null;
        }

        return insight.FindingsRan
            ? $"Code findings cover the C# files only; the {Join(others)} files are not checked."
            : ForLanguages(insight);
    }

    /// <summary>"Code findings are checked for C# only; this submission is Python."</summary>
    public static string ForLanguages(CodeInsight insight)
    {
        var languages = (insight.Languages ?? [insight.Language]).Select(Display).ToList();
        return $"Code findings are checked for C# only; this submission is {Join(languages)}.";
    }

    /// <summary>How a person names a language report.json names by its id.</summary>
    public static string Display(string language) => language switch
    {
        "csharp" => "C#",
        "python" => "Python",
        "go" => "Go",
        "javascript" => "JavaScript",
        "typescript" => "TypeScript",
        "java" => "Java",
        _ => language,
    };

    private static string Join(List<string> names) =>
        names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names[..^1])} and {names[^1]}";
}
