using Assessments.Load.Checks;

namespace Assessments.Load.Model;

/// <summary>A named request inside a scenario iteration, with the check its response must pass.</summary>
public sealed record Step(string Name, HttpRequestTemplate Request)
{
    /// <summary>Applied to every response; the default accepts any 2xx or 3xx status.</summary>
    public ResponseCheck Check { get; init; } = ResponseCheck.SuccessStatus;
}
