using Assessments.Cli.Terminal;
using Assessments.Domain.Challenges;
using Assessments.Domain.Scoring;

namespace Assessments.Cli.Demo;

/// <summary>
/// What <c>assess demo</c> grades. The quick look is each challenge's two ends: the starter kit a
/// candidate begins from and its best reference solution, a few minutes in all; the whole set adds
/// the samples that fail on purpose and every level of the calibration set.
/// </summary>
internal static class DemoSet
{
    public static IReadOnlyList<BatchItem> Quick(Challenge challenge)
    {
        var starter = Path.GetFullPath(challenge.StarterDirectory);
        var items = challenge.Samples
            .Where(s => Path.GetFullPath(s.Directory).TrimEnd(Path.DirectorySeparatorChar) == starter)
            .Select(s => Sample(challenge, s))
            .ToList();
        if (challenge.References.Where(r => r.IsPrimary).MaxBy(r => r.ExpectedLevel) is { } best)
        {
            items.Add(Reference(challenge, best));
        }

        return items;
    }

    public static IReadOnlyList<BatchItem> All(Challenge challenge) =>
        [.. challenge.Samples.Select(s => Sample(challenge, s)), .. challenge.References.Select(r => Reference(challenge, r))];

    private static BatchItem Sample(Challenge challenge, SampleSubmission sample) =>
        new(challenge, sample.Name, sample.Directory, sample.Expected);

    private static BatchItem Reference(Challenge challenge, ReferenceSolution reference) =>
        new(challenge, $"reference-{reference.Slug}", reference.Directory, reference.ExpectedLevel.ToName());
}
