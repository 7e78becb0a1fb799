namespace PaymentJobs.Jobs;

/// <summary>The body of POST /jobs. Members are nullable so that a missing one is a validation error, not a binding failure.</summary>
public sealed record JobRequest(string? Reference, long? AmountCents)
{
    public const int MaxReferenceLength = 64;
    public const long MaxAmountCents = 100_000_000;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(Reference) || Reference.Length > MaxReferenceLength)
        {
            errors["reference"] = [$"reference is required, 1 to {MaxReferenceLength} characters"];
        }

        if (AmountCents is null or < 1 or > MaxAmountCents)
        {
            errors["amountCents"] = [$"amountCents is required, from 1 to {MaxAmountCents}"];
        }

        return errors;
    }
}
