namespace Assessments.UnitTests.Architecture;

/// <summary>
/// The layering the README's architecture section states, checked on the .csproj files: the model
/// references nothing, and only the grading side (the runner and what runs gradings) reaches Docker.
/// </summary>
public sealed class ProjectReferencesTests
{
    private const string Domain = "Assessments.Domain";
    private const string Runner = "Assessments.Runner";
    private const string Docker = "Docker.DotNet";

    /// <summary>Packages the model may use: parsing text it is handed, nothing that opens a file, a socket or a database.</summary>
    private static readonly string[] PurePackages = ["YamlDotNet"];

    /// <summary>The projects that run gradings, and so may reach the Docker engine.</summary>
    private static readonly string[] GradingSide =
        [Runner, "Assessments.Contract", "Assessments.Pipeline", "Assessments.Worker", "Assessments.Cli"];

    private static readonly ProjectGraph Graph = ProjectGraph.Repository;

    [Fact]
    public void The_graph_holds_the_projects_the_rules_name()
    {
        foreach (var name in GradingSide.Append(Domain).Append("Assessments.Server").Append("Assessments.Platform"))
        {
            Assert.Contains(name, Graph.Names);
        }
    }

    [Fact]
    public void The_domain_references_no_other_project()
    {
        var projects = Graph.ProjectsOf(Domain);

        Assert.True(projects.Count == 0, $"{Domain} references {string.Join(", ", projects)}");
    }

    [Fact]
    public void The_domain_references_no_package_that_does_io()
    {
        Assert.All(Graph.PackagesOf(Domain), package => Assert.Contains(package, PurePackages));
    }

    [Theory]
    [InlineData("Assessments.Server")]
    [InlineData("Assessments.Platform")]
    [InlineData("Assessments.Similarity")]
    [InlineData("Assessments.Client")]
    public void The_web_side_reaches_neither_the_runner_nor_Docker(string project)
    {
        var reached = Graph.Reached(project);

        Assert.False(reached.TryGetValue(Runner, out var toRunner), $"{project} reaches the runner: {toRunner}");
        Assert.False(reached.TryGetValue(Docker, out var toDocker), $"{project} reaches Docker: {toDocker}");
    }

    [Fact]
    public void Only_the_grading_side_reaches_Docker()
    {
        var reaching = Graph.Names
            .Where(name => Graph.Reached(name).ContainsKey(Docker) || Graph.PackagesOf(name).Contains(Docker))
            .Where(name => !GradingSide.Contains(name))
            .Select(name => Graph.Reached(name)[Docker])
            .ToList();

        Assert.True(reaching.Count == 0, "Outside the grading side, Docker is reached by: " + string.Join("; ", reaching));
    }

    [Fact]
    public void Only_the_runner_references_Docker_directly()
    {
        var direct = Graph.Names.Where(name => Graph.PackagesOf(name).Contains(Docker));

        Assert.Equal([Runner], direct);
    }
}
