using System.Text.RegularExpressions;

namespace Assessments.Domain.Reports;

/// <summary>
/// Container output is attacker-controlled text that ends up in an interviewer's browser and terminal:
/// ANSI escape sequences and control characters are removed before it is stored or shown.
/// </summary>
public static partial class LogText
{
    [GeneratedRegex(@"\x1B(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1B]*(?:\x07|\x1B\\)?|[@-Z\\-_])")]
    private static partial Regex AnsiEscape();

    public static string Clean(string line)
    {
        var text = AnsiEscape().Replace(line, string.Empty);
        return string.Concat(text.Where(c => !char.IsControl(c) || c == '\t'));
    }
}
