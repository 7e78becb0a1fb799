using Assessments.Domain.Rubrics;

namespace Assessments.Domain.Kits;

/// <summary>
/// The part of a rubric a candidate's visible checks earn: each criterion cut down to its visible
/// checks, with the share of its points those checks carry (a criterion of four checks worth 20
/// points, one of them visible, keeps 5). Criteria with no visible check are left out, and so are the
/// level gates. The kit ships it (so <c>assess check</c> totals points as the platform does) and the
/// candidate feedback totals with it, so the two always agree.
/// </summary>
public static class VisibleRubric
{
    public static Rubric From(Rubric rubric, Func<string, bool> isVisible)
    {
        var criteria = new List<Criterion>();
        foreach (var criterion in rubric.Criteria)
        {
            var visible = criterion.Checks.Where(isVisible).ToList();
            if (visible.Count == 0)
            {
                continue;
            }

            var points = (int)Math.Round((double)criterion.Points * visible.Count / criterion.Checks.Count, MidpointRounding.AwayFromZero);
            criteria.Add(criterion with { Checks = visible, Points = Math.Max(1, points) });
        }

        return new Rubric(rubric.Version, criteria, []);
    }
}
