using System.Text;
using Assessments.Client;
using Assessments.Insight;
using Assessments.Insight.Similarity.Calibration;
using Assessments.Insight.Sources;
using Assessments.Similarity;

namespace Assessments.Server.Tests.Similarity;

/// <summary>
/// Cohort similarity as the platform runs it: uploads graded by a worker whose own step indexes them,
/// an interviewer reading a challenge's pairs, and an admin rebuilding the index after the algorithm
/// changed, all against a real PostgreSQL.
/// </summary>
public sealed class SimilarityThroughTheWorkerTests(GradedCohortFixture cohort) : IClassFixture<GradedCohortFixture>
{
    [Fact]
    public async Task Two_candidates_handing_in_the_same_code_are_paired_once_the_worker_has_graded_both()
    {
        // given Ada's service, graded and indexed by the worker, with no one to pair it with yet
        var ada = await cohort.HandInAsync(await cohort.InviteAsync("Ada"), SyntheticSubmission.Generate(111));
        Assert.Empty(await cohort.Interviewer.ListSimilarAsync(ada));

        // when Bob uploads the very same files and the worker grades them
        var bob = await cohort.HandInAsync(await cohort.InviteAsync("Bob"), SyntheticSubmission.Generate(111));

        // then both submissions show the one pair, Ada's side first, the grading itself stored as well
        var pair = Assert.Single(await cohort.Interviewer.ListSimilarAsync(bob));
        Assert.Equal((ada, bob), (pair.A.SubmissionId!.Value, pair.B.SubmissionId!.Value));
        Assert.Equal(("Ada", "Bob"), (pair.A.CandidateName, pair.B.CandidateName));
        Assert.Equal(1.0, pair.Similarity);
        Assert.NotEmpty(pair.Regions);
        Assert.Equal(pair.Id, Assert.Single(await cohort.Interviewer.ListSimilarAsync(ada)).Id);
        Assert.Equal("graded", (await cohort.Interviewer.GetSubmissionAsync(bob)).ReportStatus);
    }

    [Fact]
    public async Task An_admin_reindex_after_an_algorithm_change_finds_the_pairs_again_and_keeps_an_interviewers_review()
    {
        // given a copy the worker flagged and an interviewer reviewed as copied
        var kim = await cohort.HandInAsync(await cohort.InviteAsync("Kim"), SyntheticSubmission.Generate(666));
        var lee = await cohort.HandInAsync(await cohort.InviteAsync("Lee"), SyntheticSubmission.Generate(666));
        var flagged = Assert.Single(await cohort.Interviewer.ListSimilarAsync(lee));
        await cohort.Interviewer.ReviewPairAsync(flagged.Id, new PairReviewRequest(PairReviews.Copied, "Same service, file for file."));

        // when the algorithm changes, every stored fingerprint is of the old version: the challenge says so
        await cohort.FingerprintWithAsync("winnow-before-" + SimilarityAlgorithm.Version);
        var stale = await cohort.Interviewer.GetChallengeSimilarityAsync(GradedCohortFixture.ChallengeId);
        Assert.True(stale.Documents >= 2, $"{stale.Documents} documents");
        Assert.Equal(stale.Documents, stale.StaleDocuments);

        // and an admin rebuilds the challenge's index
        var reindex = await cohort.Admin.ReindexSimilarityAsync(GradedCohortFixture.ChallengeId);

        // then nothing is stale, the submissions carry the current version, and the pair was compared
        // again (found anew) with the interviewer's review kept
        Assert.Empty(reindex.Skipped);
        Assert.Equal(SimilarityAlgorithm.Version, reindex.AlgorithmVersion);
        var rebuilt = await cohort.Interviewer.GetChallengeSimilarityAsync(GradedCohortFixture.ChallengeId);
        Assert.Equal((stale.Documents, 0), (rebuilt.Documents, rebuilt.StaleDocuments));
        Assert.Equal(SimilarityAlgorithm.Version, (await cohort.IndexedAsync(kim))!.AlgorithmVersion);
        Assert.Equal(SimilarityAlgorithm.Version, (await cohort.IndexedAsync(lee))!.AlgorithmVersion);
        var pair = Assert.Single(await cohort.Interviewer.ListSimilarAsync(lee));
        Assert.Equal(flagged.Id, pair.Id);
        Assert.Equal((kim, lee), (pair.A.SubmissionId!.Value, pair.B.SubmissionId!.Value));
        Assert.Equal((PairReviews.Copied, "Same service, file for file.", "iris"), (pair.Review, pair.ReviewNote, pair.ReviewedBy));
        Assert.True(pair.FoundAt > flagged.FoundAt, $"found at {pair.FoundAt:O}, first found at {flagged.FoundAt:O}: the reindex did not compare the pair again");
        Assert.Equal(1.0, pair.Similarity);
    }

    [Fact]
    public async Task A_challenges_pairs_below_min_are_left_out_and_those_at_or_above_are_listed()
    {
        // given a partial copy (Gus took Fay's service, not her endpoints or store) and a reference handed in as is
        var fayFiles = SyntheticSubmission.Generate(333);
        var fay = await cohort.HandInAsync(await cohort.InviteAsync("Fay"), fayFiles);
        var gusFiles = SyntheticSubmission.Generate(444).Select(f => f with { Path = $"src/Own/{f.Path}" }).Append(fayFiles[1]).ToList();
        var gus = await cohort.HandInAsync(await cohort.InviteAsync("Gus"), gusFiles);
        var hal = await cohort.HandInAsync(await cohort.InviteAsync("Hal"), GradedCohortFixture.Reference("junior"));
        var partial = Assert.Single(await cohort.Interviewer.ListSimilarAsync(gus));
        Assert.Equal(fay, partial.A.SubmissionId);
        Assert.InRange(partial.Similarity, SimilarityAlgorithm.Options.FlagAt, 0.99);
        var reference = Assert.Single(await cohort.Interviewer.ListSimilarAsync(hal));
        Assert.Equal(("junior", 1.0), (reference.A.ReferenceName, reference.Similarity));

        // when the challenge's pairs are asked for at the flag, at the partial copy's similarity as shown, and just above it
        var atFlag = await cohort.Interviewer.GetChallengeSimilarityAsync(GradedCohortFixture.ChallengeId);
        var atPartial = await cohort.Interviewer.GetChallengeSimilarityAsync(GradedCohortFixture.ChallengeId, min: partial.Similarity);
        var above = await cohort.Interviewer.GetChallengeSimilarityAsync(GradedCohortFixture.ChallengeId, min: partial.Similarity + 0.001);

        // then the partial copy is listed at its own similarity and left out above it; the reference copy is always in
        Assert.Contains(atFlag.Pairs, p => p.Id == partial.Id);
        Assert.Contains(atFlag.Pairs, p => p.Id == reference.Id);
        Assert.Contains(atPartial.Pairs, p => p.Id == partial.Id);
        Assert.DoesNotContain(above.Pairs, p => p.Id == partial.Id);
        Assert.Contains(above.Pairs, p => p.Id == reference.Id);
        Assert.All(above.Pairs, p => Assert.True(p.Similarity > partial.Similarity, $"{p.Similarity} listed at min {above.Min}"));
    }

    [Fact]
    public async Task A_pair_is_listed_at_a_min_equal_to_its_similarity_as_shown()
    {
        // given a pair whose stored similarity has more digits than the three the API shows
        var ola = await cohort.HandInAsync(await cohort.InviteAsync("Ola"), SyntheticSubmission.Generate(777));
        var pia = await cohort.HandInAsync(await cohort.InviteAsync("Pia"), SyntheticSubmission.Generate(777));
        var pair = Assert.Single(await cohort.Interviewer.ListSimilarAsync(pia));
        await cohort.StoreSimilarityAsync(pair.Id, 0.8726);
        var shown = Assert.Single(await cohort.Interviewer.ListSimilarAsync(ola)).Similarity;
        Assert.Equal(0.873, shown);

        // when an interviewer asks for the challenge's pairs at that figure, and just above it
        var atShown = await cohort.Interviewer.GetChallengeSimilarityAsync(GradedCohortFixture.ChallengeId, min: shown);
        var aboveShown = await cohort.Interviewer.GetChallengeSimilarityAsync(GradedCohortFixture.ChallengeId, min: 0.8731);

        // then the pair is listed at the figure it is shown with, and left out above it
        Assert.Contains(atShown.Pairs, p => p.Id == pair.Id);
        Assert.DoesNotContain(aboveShown.Pairs, p => p.Id == pair.Id);
    }

    [Fact]
    public async Task A_submission_over_the_insight_limits_is_indexed_on_what_was_read_with_the_limits_it_reached()
    {
        // given Ivy's service beside a generated file past the insight limit per file
        var generated = GeneratedFile("Generated/CatalogSeed.cs", InsightLimits.Default.MaxFileBytes + (64 * 1024));
        var ivy = await cohort.HandInAsync(await cohort.InviteAsync("Ivy"), [.. SyntheticSubmission.Generate(555), generated]);

        // then the index holds the files read and says which limit was reached
        var indexed = await cohort.IndexedAsync(ivy);
        var limit = Assert.Single(indexed!.LimitsReached);
        Assert.StartsWith("Generated/CatalogSeed.cs skipped", limit, StringComparison.Ordinal);
        Assert.DoesNotContain(generated.Path, indexed.Paths);
        Assert.Equal(3, indexed.Paths.Count);

        // and what was read still compares: the same service from Jo is paired with Ivy's
        var jo = await cohort.HandInAsync(await cohort.InviteAsync("Jo"), SyntheticSubmission.Generate(555));
        Assert.Empty((await cohort.IndexedAsync(jo))!.LimitsReached);
        var pair = Assert.Single(await cohort.Interviewer.ListSimilarAsync(jo));
        Assert.Equal((ivy, 1.0), (pair.A.SubmissionId!.Value, pair.Similarity));
    }

    /// <summary>A generated C# file of about <paramref name="bytes"/>, varied enough that intake does not take it for a decompression bomb.</summary>
    private static SourceFile GeneratedFile(string path, long bytes)
    {
        var random = new Random(23);
        var text = new StringBuilder("public static class CatalogSeed\n{\n");
        for (var row = 0; text.Length < bytes; row++)
        {
            text.Append($"    public const long Row{row} = {random.NextInt64()}L;\n");
        }

        return new SourceFile(path, text.Append("}\n").ToString());
    }
}
