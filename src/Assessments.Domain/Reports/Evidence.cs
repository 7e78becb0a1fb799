namespace Assessments.Domain.Reports;

/// <summary>
/// What backs a point in the report: an HTTP exchange, log lines, a measured number or a plain note.
/// A criterion is only shown to an interviewer together with its evidence.
/// </summary>
public sealed record Evidence
{
    public required string Kind { get; init; }

    public required string Summary { get; init; }

    public HttpExchange? Exchange { get; init; }

    public IReadOnlyList<string>? Lines { get; init; }

    public double? Value { get; init; }

    public string? Unit { get; init; }

    /// <summary>
    /// True when this piece shows something working as expected, false when it shows the failure,
    /// null when it is neither (a count, a note). Lets a report put the failure first.
    /// </summary>
    public bool? Passed { get; init; }

    /// <summary>The check this evidence came from (a scenario, <c>contract.*</c>, <c>ops.*</c>…), set when a rubric criterion gathers it.</summary>
    public string? Check { get; init; }

    public static Evidence Note(string summary) => new() { Kind = EvidenceKinds.Note, Summary = summary };

    public static Evidence Log(string summary, IReadOnlyList<string> lines) =>
        new() { Kind = EvidenceKinds.Log, Summary = summary, Lines = lines };

    public static Evidence Of(HttpExchange exchange, string summary) =>
        new() { Kind = EvidenceKinds.Exchange, Summary = summary, Exchange = exchange };

    public static Evidence Measurement(string summary, double value, string unit) =>
        new() { Kind = EvidenceKinds.Measurement, Summary = summary, Value = value, Unit = unit };
}

public static class EvidenceKinds
{
    public const string Note = "note";
    public const string Log = "log";
    public const string Exchange = "exchange";
    public const string Measurement = "measurement";
}

/// <summary>One request and its response as the runner saw them, bounded and ready to reproduce.</summary>
public sealed record HttpExchange(
    HttpRequestRecord Request,
    HttpResponseRecord? Response,
    double DurationMs,
    string? Error,
    string Curl);

public sealed record HttpRequestRecord(string Method, string Url, IReadOnlyDictionary<string, string> Headers, string? Body);

public sealed record HttpResponseRecord(
    int Status,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    bool BodyTruncated);
