using Assessments.Tests.Shared;

namespace Assessments.IntegrationTests;

/// <summary>The repository's challenges, from wherever the tests run.</summary>
internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string Challenge(string id) => Path.Combine(Root, "challenges", id);
}
