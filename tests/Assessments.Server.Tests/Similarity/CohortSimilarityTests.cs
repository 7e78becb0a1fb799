using Assessments.Client;
using Assessments.Insight.Similarity.Calibration;
using Xunit.Abstractions;

namespace Assessments.Server.Tests.Similarity;

/// <summary>
/// Similarity across a challenge's cohort against a real PostgreSQL: the index finds copies however
/// they were disguised, knows a reference solution when it sees one, and leaves independent work and
/// a candidate's own resubmissions alone.
/// </summary>
public sealed class CohortSimilarityTests(CohortFixture cohort, ITestOutputHelper output) : IClassFixture<CohortFixture>
{
    [Fact]
    public async Task A_disguised_copy_of_another_candidates_submission_is_flagged_with_its_regions()
    {
        // given Ada's own service, indexed
        var (ada, _) = await cohort.SubmitAndIndexAsync(await cohort.InviteAsync("Ada"), SyntheticSubmission.Generate(101));

        // when Bob hands in the same service renamed, reordered, reformatted, re-commented and padded with dead code
        var (bob, comparison) = await cohort.SubmitAndIndexAsync(await cohort.InviteAsync("Bob"), CohortFixture.Disguised(SyntheticSubmission.Generate(101), seed: 7));

        // then the pair is flagged, seen from both sides, with the matching regions on each
        output.WriteLine($"{comparison}");
        var pair = Assert.Single(await cohort.SimilarAsync(bob));
        Assert.Equal(ada, pair.A.SubmissionId);
        Assert.Equal(bob, pair.B.SubmissionId);
        Assert.Equal(("Ada", "Bob"), (pair.A.CandidateName, pair.B.CandidateName));
        Assert.True(pair.Similarity >= 0.8, $"similarity {pair.Similarity}");
        Assert.Equal(PairReviews.Unreviewed, pair.Review);
        Assert.NotEmpty(pair.Regions);
        Assert.All(pair.Regions, r =>
        {
            Assert.DoesNotContain("Renamed", r.A.File, StringComparison.Ordinal);
            Assert.StartsWith("src/Renamed7/", r.B.File, StringComparison.Ordinal);
            Assert.True(r.A.StartLine >= 1 && r.A.EndLine >= r.A.StartLine && r.B.StartLine >= 1 && r.B.EndLine >= r.B.StartLine);
        });
        Assert.Equal(pair.Id, Assert.Single(await cohort.SimilarAsync(ada)).Id);
    }

    [Fact]
    public async Task A_copy_of_a_reference_solution_is_flagged_as_that_reference_and_no_other()
    {
        var (copy, _) = await cohort.SubmitAndIndexAsync(await cohort.InviteAsync("Cy"), CohortFixture.Disguised(cohort.Reference("senior"), seed: 3));

        var pair = Assert.Single(await cohort.SimilarAsync(copy));
        Assert.Equal("senior", pair.A.ReferenceName);
        Assert.Null(pair.A.SubmissionId);
        Assert.True(pair.Similarity >= 0.8, $"similarity {pair.Similarity}");
        Assert.NotEmpty(pair.Regions);
    }

    [Fact]
    public async Task Independently_written_references_handed_in_by_different_candidates_are_flagged_only_against_their_own_reference()
    {
        var submitted = new Dictionary<string, Guid>();
        foreach (var level in new[] { "not-yet", "junior", "engineer-ii", "senior" })
        {
            submitted[level] = (await cohort.SubmitAndIndexAsync(await cohort.InviteAsync($"Ref {level}"), cohort.Reference(level))).Id;
        }

        foreach (var (level, id) in submitted)
        {
            var pairs = await cohort.SimilarAsync(id);
            foreach (var p in pairs)
            {
                output.WriteLine($"{level}: {p.A.ReferenceName ?? p.A.CandidateName} ~ {p.B.CandidateName} = {p.Similarity}");
            }

            // Each is its own reference (similarity 1) and no other; no two of them, written independently,
            // are paired (other tests' copies of a reference in this database may pair with them, rightly).
            var own = Assert.Single(pairs, p => p.A.ReferenceName is not null);
            Assert.Equal(level, own.A.ReferenceName);
            Assert.Equal(1.0, own.Similarity);
            Assert.DoesNotContain(pairs, p => p.A.SubmissionId is { } a && submitted.ContainsValue(a) && submitted.ContainsValue(p.B.SubmissionId!.Value));
        }
    }

    [Fact]
    public async Task Independent_work_is_not_flagged()
    {
        var (independent, comparison) = await cohort.SubmitAndIndexAsync(await cohort.InviteAsync("Dee"), SyntheticSubmission.Generate(202));

        Assert.NotNull(comparison);
        Assert.True(comparison.CountedTokens > 1000, $"{comparison.CountedTokens} tokens");
        Assert.Empty(await cohort.SimilarAsync(independent));
    }

    [Fact]
    public async Task A_candidates_resubmissions_are_not_flagged_against_each_other_but_the_same_code_from_someone_else_is()
    {
        var eve = await cohort.InviteAsync("Eve");
        var (first, _) = await cohort.SubmitAndIndexAsync(eve, SyntheticSubmission.Generate(303));
        var (second, comparison) = await cohort.SubmitAndIndexAsync(eve, CohortFixture.Disguised(SyntheticSubmission.Generate(303), seed: 5));

        Assert.Empty(await cohort.SimilarAsync(second));
        Assert.Empty(await cohort.SimilarAsync(first));
        Assert.Equal(1, comparison!.SameCandidate);

        // The control: the very same resubmission from another candidate is a flagged pair with both of Eve's.
        var (fromFay, _) = await cohort.SubmitAndIndexAsync(await cohort.InviteAsync("Fay"), CohortFixture.Disguised(SyntheticSubmission.Generate(303), seed: 5));
        var pairs = await cohort.SimilarAsync(fromFay);
        Assert.Equal(new[] { first, second }.Order(), pairs.Select(p => p.A.SubmissionId!.Value).Order());
    }
}
