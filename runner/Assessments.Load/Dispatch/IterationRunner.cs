using System.Runtime.CompilerServices;
using Assessments.Load.Checks;
using Assessments.Load.Dispatch.Wire;
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
    private readonly WireRequest?[] _wireForms = scenario.Steps.Select(s => transport.WireFormOf(s.Request)).ToArray();

    // Pooled state machines: one iteration per request, thousands a second, and no garbage for each.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask RunAsync(long intendedTimestamp, CancellationToken cancellationToken)
    {
        var stepIntended = intendedTimestamp;
        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            var outcome = await RunStepAsync(i, steps[i], intendedTimestamp, stepIntended, cancellationToken);
            if (!outcome)
            {
                return;
            }

            stepIntended = Clock.Now;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> RunStepAsync(int index, StepRecorder stepRecorder, long iterationIntended, long intended, CancellationToken cancellationToken)
    {
        var step = scenario.Steps[index];
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
            using var response = await transport.ExchangeAsync(
                step.Request, _wireForms[index], step.Check.NeedsBody, plan.MaxResponseBodyBytes, sent, cancellationToken);
            var received = Clock.Now;
            var status = response.StatusCode;
            var check = step.Check.Evaluate(status, response.ContentType, response.Body);
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
                response.BodyBytes,
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
    private async ValueTask<bool> WaitForConnectionAsync(long intended, CancellationToken cancellationToken)
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
