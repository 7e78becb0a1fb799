using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;

namespace Assessments.UnitTests.Scoring;

/// <summary>Check outcomes as the runner would report them, passed or failed by id.</summary>
internal static class Outcomes
{
    public static CheckOutcome Pass(string id) => new(id, true, $"{id} passed", [Evidence.Note($"{id} passed")]);

    public static CheckOutcome Fail(string id) => new(id, false, $"{id} failed", [Evidence.Note($"{id} failed")]);

    /// <summary>The named checks pass; every other check of <paramref name="all"/> fails.</summary>
    public static CheckOutcome[] Passing(IEnumerable<string> all, params string[] passing) =>
        all.Select(id => passing.Contains(id) ? Pass(id) : Fail(id)).ToArray();
}
