namespace Assessments.Load.Statistics;

/// <summary>
/// Everything measured for one step after warm-up. Response time runs from the intended start
/// (what the grade uses); service time from the moment the request was handed to a connection.
/// </summary>
public sealed record StepStatistics(
    string Scenario,
    string Step,
    long Requests,
    long Ok,
    long Failed,
    double Rps,
    long BytesSent,
    long BytesReceived,
    IReadOnlyDictionary<string, long> StatusCodes,
    IReadOnlyDictionary<string, long> Errors,
    LatencyStatistics ResponseTime,
    LatencyStatistics ServiceTime,
    IReadOnlyDictionary<string, LatencyStatistics> ResponseTimeByStatusClass,
    CheckStatistics Checks);
