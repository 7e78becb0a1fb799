using Assessments.Load.Checks;
using Assessments.Load.Measurement;
using Assessments.Load.Model;

namespace Assessments.Load.Dispatch;

/// <summary>
/// Runs one iteration of a scenario: its steps in order, each waiting for a free connection, sending
/// the pre-built request, reading and checking the response. The first step is timed from the
/// iteration's intended start; later steps have no schedule of their own and are timed from the
/// end of the step before. A failed step ends the iteration, because later steps usually depend on it.
/// </summary>
public sealed class IterationRunner(
    Scenario scenario,
    IReadOnlyList<StepRecorder> steps,
    HttpTransport transport,
    RunRecorder recorder,
    LoadPlan plan)
{
    private readonly long _timeoutTicks = Clock.Ticks(plan.RequestTimeout);

    public async Task RunAsync(long intendedTimestamp, CancellationToken cancellationToken)
    {
        var stepIntended = intendedTimestamp;
        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            var outcome = await RunStepAsync(scenario.Steps[i], steps[i], intendedTimestamp, stepIntended, cancellationToken);
            if (!outcome)
            {
                return;
            }

            stepIntended = Clock.Now;
        }
    }

    private async Task<bool> RunStepAsync(Step step, StepRecorder stepRecorder, long iterationIntended, long intended, CancellationToken cancellationToken)
    {
        if (!await WaitForConnectionAsync(intended, cancellationToken))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            var gaveUp = Clock.Now;
            Record(stepRecorder, iterationIntended, new RequestSample(
                Clock.Microseconds(intended, gaveUp), null, 0, ErrorKind.NotSent, 0, 0, null));
            return false;
        }

        var sent = Clock.Now;
        try
        {
            using var request = step.Request.ToMessage();
            using var response = await transport.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            using var body = await BodyReader.ReadAsync(response.Content, step.Check.NeedsBody, plan.MaxResponseBodyBytes, cancellationToken);
            var received = Clock.Now;
            var status = (int)response.StatusCode;
            var check = step.Check.Evaluate(status, response.Content.Headers.ContentType?.ToString(), body.Content);
            ErrorKind? error = check switch
            {
                CheckOutcome.UnexpectedStatus => ErrorKind.UnexpectedStatus,
                CheckOutcome.Failed => ErrorKind.CheckFailed,
                _ => null,
            };
            Record(stepRecorder, iterationIntended, new RequestSample(
                Clock.Microseconds(intended, received),
                Clock.Microseconds(sent, received),
                status,
                error,
                step.Request.Body.Length,
                body.Bytes,
                check));
            return error is null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run was stopped (aborted or drained): not a response the service owes us.
            return false;
        }
        catch (Exception exception)
        {
            var failed = Clock.Now;
            Record(stepRecorder, iterationIntended, new RequestSample(
                Clock.Microseconds(intended, failed),
                Clock.Microseconds(sent, failed),
                0,
                ErrorClassifier.Classify(exception),
                step.Request.Body.Length,
                0,
                null));
            return false;
        }
        finally
        {
            transport.Slots.Release();
        }
    }

    // A request may wait for a connection until its own deadline (intended start + timeout); after
    // that it is counted as not sent, never silently dropped.
    private async Task<bool> WaitForConnectionAsync(long intended, CancellationToken cancellationToken)
    {
        if (transport.Slots.Wait(0, CancellationToken.None))
        {
            return true;
        }

        var remaining = Clock.Elapsed(Clock.Now, intended + _timeoutTicks);
        if (remaining <= TimeSpan.Zero)
        {
            return false;
        }

        try
        {
            return await transport.Slots.WaitAsync(remaining, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Record(StepRecorder stepRecorder, long iterationIntended, in RequestSample sample) =>
        recorder.Record(stepRecorder, iterationIntended, sample);
}
