using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Assessments.Server.Hosting;

/// <summary>
/// When PostgreSQL cannot be reached (refused, dropped, timed out, shutting down, out of connections)
/// the platform is unavailable, not broken: every request answers 503 with Retry-After and a generic
/// problem, and the details (host, port, error) go to the log only.
/// </summary>
public sealed partial class DatabaseUnavailable(IProblemDetailsService problems, IOptions<ServerOptions> options, ILogger<DatabaseUnavailable> logger) : IExceptionHandler
{
    public const string Detail = "The platform's database does not answer; try again shortly.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnreachable(exception))
        {
            return false;
        }

        LogUnreachable(logger, httpContext.Request.Method, exception);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "Service unavailable", Detail = Detail },
        });
    }

    /// <summary>Connection-level failures; an error the server reports about a statement is a bug (500), not an outage.</summary>
    public static bool IsUnreachable(Exception exception) => exception switch
    {
        // 57P01-03: the server is shutting down or starting; 53300: no connection slots; 08xxx: connection exceptions.
        PostgresException p => p.SqlState is "57P01" or "57P02" or "57P03" or "53300" || p.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException => true,
        TimeoutException => true,
        _ => exception.InnerException is { } inner && IsUnreachable(inner),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unreachable; a {Method} request was answered 503")]
    private static partial void LogUnreachable(ILogger logger, string method, Exception exception);
}
