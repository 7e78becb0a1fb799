using Assessments.Domain.Challenges;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assessments.Server.Challenges;

/// <summary>A challenge's starter in the language asked for (<c>?language=python</c>), as a zip.</summary>
public static class StarterZip
{
    public static Results<FileContentHttpResult, NotFound, ProblemHttpResult> For(Challenge challenge, string? language)
    {
        var folder = challenge.StarterDirectoryFor(language);
        if (folder is null)
        {
            var offered = challenge.StarterLanguages;
            return offered.Count == 0
                ? TypedResults.NotFound()
                : TypedResults.Problem(
                    $"There is no starter in '{language}' for {challenge.Id}; the languages offered are {string.Join(", ", offered)}.",
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Unknown starter language");
        }

        var suffix = string.IsNullOrEmpty(language) || language.Equals(StarterLanguage.Default, StringComparison.OrdinalIgnoreCase) ? string.Empty : "-" + language.ToLowerInvariant();
        return TypedResults.File(ChallengeCatalog.Zip(folder), "application/zip", $"{challenge.Id}-starter{suffix}.zip");
    }
}
