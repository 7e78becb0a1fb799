namespace Assessments.Load.Dispatch;

public sealed class ResponseBodyTooLargeException(int limit)
    : IOException($"The response body is longer than the {limit} bytes the plan allows.")
{
    public int Limit { get; } = limit;
}
