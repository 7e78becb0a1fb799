using Assessments.Domain.Performance;

namespace Assessments.UnitTests.Performance;

public sealed class PathRotationTests
{
    [Fact]
    public void A_path_with_i_mod_n_expands_to_n_paths_in_order()
    {
        var paths = PathRotation.Expand("/prices/SKU-{{i % 50}}?fresh=1");

        Assert.Equal(50, paths.Count);
        Assert.Equal("/prices/SKU-0?fresh=1", paths[0]);
        Assert.Equal("/prices/SKU-49?fresh=1", paths[49]);
    }

    [Fact]
    public void A_plain_path_is_its_own_only_variant()
    {
        Assert.Equal(["/products?limit=20"], PathRotation.Expand("/products?limit=20"));
        Assert.Null(PathRotation.Problem("/products?limit=20"));
        Assert.Null(PathRotation.Problem("/prices/SKU-{{ i%3 }}"));
    }

    [Theory]
    [InlineData("/a/{{i % 0}}", "between 1 and")]
    [InlineData("/a/{{i % 20000}}", "between 1 and")]
    [InlineData("/a/{{i % 2}}/{{i % 3}}", "at most one")]
    [InlineData("/a/{{run.id}}", "only placeholder")]
    public void Placeholders_it_cannot_fill_are_problems(string path, string problem)
    {
        Assert.Contains(problem, PathRotation.Problem(path), StringComparison.Ordinal);
    }
}
