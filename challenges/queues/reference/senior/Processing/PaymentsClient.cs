using System.Diagnostics;
using System.Net;
using PaymentJobs.Jobs;

namespace PaymentJobs.Processing;

/// <summary>The payments provider's API as this service uses it: one call per attempt, classified.</summary>
public sealed class PaymentsClient(HttpClient http)
{
    public async Task<PaymentOutcome> PayAsync(Job job, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "payments")
        {
            Content = JsonContent.Create(new { reference = job.Reference, amountCents = job.AmountCents, jobId = job.Id }),
        };
        request.Headers.Add("Idempotency-Key", job.PaymentKey);
        // The job's trace continues here, with a new span for this attempt.
        request.Headers.Add("traceparent", $"00-{job.TraceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.OK or HttpStatusCode.Created => new PaymentOutcome.Paid(),
                HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => new PaymentOutcome.Transient($"provider answered {(int)response.StatusCode}"),
                >= HttpStatusCode.InternalServerError => new PaymentOutcome.Transient($"provider answered {(int)response.StatusCode}"),
                _ => new PaymentOutcome.Refused($"provider refused the payment with {(int)response.StatusCode}"),
            };
        }
        catch (HttpRequestException ex)
        {
            return new PaymentOutcome.Transient($"provider unreachable: {ex.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new PaymentOutcome.Transient("provider did not answer in time");
        }
    }
}

public abstract record PaymentOutcome
{
    public sealed record Paid : PaymentOutcome;
    public sealed record Transient(string Reason) : PaymentOutcome;
    public sealed record Refused(string Reason) : PaymentOutcome;
}
