namespace Assessments.Load.Checks;

/// <summary>
/// What every response of a step must satisfy under load. A check that needs the body makes the
/// engine keep it (bounded by the plan's limit); without one the body is only counted and dropped.
/// </summary>
public sealed record ResponseCheck
{
    public static ResponseCheck SuccessStatus { get; } = new();

    public Func<int, bool> Status { get; init; } = static code => code is >= 200 and < 400;

    /// <summary>Compared case-insensitively with the start of the Content-Type header, e.g. <c>application/json</c>.</summary>
    public string? ContentType { get; init; }

    public Func<ReadOnlyMemory<byte>, bool>? Body { get; init; }

    public bool NeedsBody => Body is not null;

    public static ResponseCheck ForStatus(params int[] codes) => new() { Status = code => codes.Contains(code) };

    /// <summary>A JSON body whose top-level object has the given properties of the given kinds.</summary>
    public ResponseCheck WithJsonShape(JsonShape shape) =>
        this with { ContentType = ContentType ?? "application/json", Body = body => shape.Matches(body.Span) };

    public CheckOutcome Evaluate(int statusCode, string? contentType, ReadOnlyMemory<byte> body)
    {
        if (!Status(statusCode))
        {
            return CheckOutcome.UnexpectedStatus;
        }

        if (ContentType is not null
            && (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase)))
        {
            return CheckOutcome.Failed;
        }

        return Body is null || Body(body) ? CheckOutcome.Passed : CheckOutcome.Failed;
    }
}
