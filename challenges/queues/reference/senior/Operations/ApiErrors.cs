namespace PaymentJobs.Operations;

public static class ApiErrors
{
    /// <summary>Every error, including the framework's own (bad JSON, unknown route, wrong method), is a problem document.</summary>
    public static IServiceCollection AddApiErrors(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Requests turned away before a handler runs (a body that is not JSON, a limit that is not a
            // number) get an errors member too, so every 400 has the same shape.
            if (context.ProblemDetails.Status == StatusCodes.Status400BadRequest && context.ProblemDetails is not HttpValidationProblemDetails)
            {
                context.ProblemDetails.Extensions.TryAdd("errors", new Dictionary<string, string[]> { ["request"] = ["the body or a parameter does not match the contract"] });
            }
        });
}
