using Assessments.Load.Checks;

namespace Assessments.Load.Measurement;

/// <summary>
/// One request's measurements. <see cref="ServiceMicroseconds"/> is null when the request was never
/// sent; <see cref="StatusCode"/> is 0 when no response arrived.
/// </summary>
public readonly record struct RequestSample(
    long ResponseMicroseconds,
    long? ServiceMicroseconds,
    int StatusCode,
    ErrorKind? Error,
    long BytesSent,
    long BytesReceived,
    CheckOutcome? Check);
