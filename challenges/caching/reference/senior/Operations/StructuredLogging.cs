namespace PriceLookup.Operations;

public static class StructuredLogging
{
    /// <summary>One JSON object per line on stdout, with a UTC timestamp, for the log shipper.</summary>
    public static ILoggingBuilder AddStructuredConsole(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddJsonConsole(options =>
        {
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            options.UseUtcTimestamp = true;
        });
        // Per-request framework and HttpClient lines would drown the cache's own events under load.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        return logging;
    }
}
