using Assessments.Contract.Tests.Mutants;

namespace Assessments.Contract.Tests.Support;

/// <summary>
/// Every mutant compiled in one Docker build (one SDK container: the compiler warm after the first
/// project), then handed to the grader as a submission that only copies its published output onto the
/// runtime image, with the reference's own runtime stage. Twenty-odd cold SDK builds, one per mutant,
/// cost more CPU than the rest of the contract tests together; the code under test is the same.
/// </summary>
internal static class PrebuiltMutants
{
    /// <summary>Builds the mutants under <paramref name="root"/>; the submission folder of each, by mutant name.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> PrepareAsync(string reference, IReadOnlyList<Mutant> mutants, string root)
    {
        var sources = Path.Combine(root, "sources");
        foreach (var mutant in mutants)
        {
            mutant.ApplyTo(reference, sources);
        }

        await File.WriteAllTextAsync(Path.Combine(sources, "Dockerfile"), """
            FROM mcr.microsoft.com/dotnet/sdk:10.0
            WORKDIR /src
            COPY . .
            RUN set -e; for project in */; do dotnet publish "$project" -c Release -o "/out/$project" --nologo -v quiet; done
            """);
        var tag = "assessments-contract-mutants:" + Guid.NewGuid().ToString("n")[..10];
        var published = Path.Combine(root, "published");
        await LocalRun.DockerAsync($"build --network none -q -t {tag} {sources}");
        try
        {
            var container = (await LocalRun.DockerAsync($"create {tag} /bin/true")).Trim();
            try
            {
                await LocalRun.DockerAsync($"cp {container}:/out {published}");
            }
            finally
            {
                await LocalRun.DockerAsync($"rm -f {container}");
            }
        }
        finally
        {
            await LocalRun.DockerAsync($"rmi -f {tag}");
        }

        var runtime = RuntimeStage(await File.ReadAllTextAsync(Path.Combine(reference, "Dockerfile")));
        var submissions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mutant in mutants)
        {
            var submission = Path.Combine(root, "submissions", mutant.Name);
            CopyFolder(Path.Combine(published, mutant.Name), Path.Combine(submission, "app"));
            await File.WriteAllTextAsync(Path.Combine(submission, "Dockerfile"), runtime);
            submissions[mutant.Name] = submission;
        }

        return submissions;
    }

    /// <summary>The reference Dockerfile's last stage, copying the prebuilt output instead of the build stage's.</summary>
    private static string RuntimeStage(string dockerfile)
    {
        var lines = dockerfile.Split('\n');
        var from = Array.FindLastIndex(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal));
        var stage = lines[from..].Select(l => l.StartsWith("COPY --from=", StringComparison.Ordinal) ? "COPY app/ ./" : l).ToList();
        return stage.Contains("COPY app/ ./")
            ? string.Join('\n', stage)
            : throw new InvalidOperationException("the reference's runtime stage copies nothing from its build stage: " + string.Join(" | ", stage));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
