using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Scenarios;

namespace Assessments.Contract.Tests.Probing;

public sealed class ContractSettingsTests
{
    [Fact]
    public void The_challenge_publishes_the_contract_checks_it_lists_as_visible()
    {
        var challenge = ChallengeLoader.Load(RepositoryPaths.Challenge("api-design"));

        Assert.Equal(Visibility.Visible, challenge.Contract.VisibilityOf(ContractChecks.NoServerError));
        Assert.Equal(Visibility.Hidden, challenge.Contract.VisibilityOf(ContractChecks.DeletedIsGone));
    }

    [Fact]
    public void An_unknown_contract_check_in_challenge_yaml_is_a_clear_problem()
    {
        var copy = Directory.CreateTempSubdirectory("assessments-challenge-").FullName;
        try
        {
            CopyChallenge(RepositoryPaths.Challenge("api-design"), copy);
            var manifest = Path.Combine(copy, "challenge.yaml");
            File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("visible: [contract.no-server-error,", "visible: [contract.no-such-check,", StringComparison.Ordinal));

            var (challenge, problems) = ChallengeLoader.Validate(copy);

            Assert.Null(challenge);
            var problem = Assert.Single(problems);
            Assert.Equal("challenge.yaml", problem.File);
            Assert.Equal("contract.visible[0]", problem.Where);
            Assert.StartsWith("'contract.no-such-check' is not a contract check", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static void CopyChallenge(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
