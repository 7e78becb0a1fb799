namespace Assessments.Domain.Thresholds;

/// <summary>A threshold that cannot be parsed; the message says where and what was expected.</summary>
public sealed class ThresholdSyntaxException : FormatException
{
    public ThresholdSyntaxException()
    {
    }

    public ThresholdSyntaxException(string message)
        : base(message)
    {
    }

    public ThresholdSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
