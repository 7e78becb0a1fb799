using System.Text.RegularExpressions;

namespace Assessments.Domain.Challenges.Loading;

/// <summary>Ids of challenges, scenarios and criteria end up in file names, URLs and labels: keep them plain.</summary>
internal static partial class Identifiers
{
    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,62}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string id) => Pattern().IsMatch(id);
}
