using System.Diagnostics;
using System.Globalization;
using PaymentJobs.Operations;

namespace PaymentJobs.Jobs;

public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/jobs");
        jobs.MapPost("/", SubmitAsync).WithName("SubmitJob");
        jobs.MapGet("/", List).WithName("ListJobs");
        jobs.MapGet("/{id}", Read).WithName("GetJob");
        app.MapGet("/dead-letters", (JobStore store) => TypedResults.Ok(new JobList(store.DeadLetters().Select(JobView.Of).ToList())))
            .WithName("ListDeadLetters");
        return app;
    }

    private static async Task<IResult> SubmitAsync(JobRequest request, HttpContext context, JobStore store, ServiceMetrics metrics, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        var key = context.Request.Headers.TryGetValue("Idempotency-Key", out var sent) ? sent.ToString() : null;
        if (key is { Length: 0 or > 200 })
        {
            errors["Idempotency-Key"] = ["Idempotency-Key, when sent, is 1 to 200 characters"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var submission = await store.SubmitAsync(request, key, TraceOf(context), cancellationToken);
        switch (submission)
        {
            case Submission.Accepted accepted:
                await accepted.Durable.WaitAsync(cancellationToken);
                metrics.JobAccepted();
                return TypedResults.Accepted($"/jobs/{accepted.Job.Id}", JobView.Of(accepted.Job));
            case Submission.Repeated repeated:
                return TypedResults.Ok(JobView.Of(repeated.Job));
            case Submission.KeyReused:
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "This Idempotency-Key was already used for a different job");
            default:
                metrics.JobRefused();
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many unfinished jobs",
                    detail: "The queue is full; submit again after the Retry-After interval.");
        }
    }

    private const int RetryAfterSeconds = 2;

    private static IResult List(JobStore store, string? status, int? limit)
    {
        var size = limit ?? 20;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (size is < 1 or > 100)
        {
            errors["limit"] = ["limit must be from 1 to 100"];
        }

        if (status is not null && !JobStatus.All.Contains(status))
        {
            errors["status"] = [$"status must be one of {string.Join(", ", JobStatus.All)}"];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(new JobList(store.Newest(status, size).Select(JobView.Of).ToList()));
    }

    private static IResult Read(string id, JobStore store) =>
        store.Find(id) is { } job
            ? TypedResults.Ok(JobView.Of(job))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Job '{id}' does not exist");

    // The caller's trace continues through the job; without a valid traceparent the job starts its own trace.
    private static ActivityTraceId TraceOf(HttpContext context) =>
        TraceContext.TryParse(context.Request.Headers["traceparent"].ToString(), out var traceId) ? traceId : ActivityTraceId.CreateRandom();
}
