namespace PaymentJobs.Operations;

public static class Logging
{
    /// <summary>One JSON object per line on stdout, with an ISO 8601 UTC timestamp, for log shippers.</summary>
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            options.UseUtcTimestamp = true;
        });
        return builder;
    }
}
