using System.Globalization;
using Assessments.Runner.Docker;
using Assessments.Runner.Images;

namespace Assessments.UnitTests.Docker;

/// <summary>What <c>ASSESS_IMAGE_REUSE</c> may name: a running process, whose lifetime the kept images share.</summary>
public sealed class ImageReuseScopeTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Without_a_value_nothing_is_kept(string? value) => Assert.Null(ImageReuse.Parse(value));

    [Fact]
    public void A_running_process_owns_the_scope_and_its_images()
    {
        var scope = ImageReuse.Parse(Environment.ProcessId.ToString(CultureInfo.InvariantCulture))!;

        Assert.Equal(OwnerProcess.Current, scope.Owner);
        var labels = scope.LabelsFor(new ImageKey("k1"), "abc");
        Assert.Equal(OwnerProcess.Current, labels[Labels.Owner]);
        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), labels[ImageReuse.ScopeLabel]);
        Assert.Equal("k1", labels[ImageReuse.KeyLabel]);
        Assert.False(labels.ContainsKey(Labels.Grading));
    }

    [Theory]
    [InlineData("abc", "is not a process id")]
    [InlineData("-5", "is not a process id")]
    [InlineData("0", "is not a process id")]
    [InlineData("2147483647", "names no running process")]
    public void A_value_that_names_no_running_process_is_refused_with_the_reason(string value, string reason)
    {
        var refused = Assert.Throws<ArgumentException>(() => ImageReuse.Parse(value));

        Assert.Contains(ImageReuse.Variable, refused.Message, StringComparison.Ordinal);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }
}
