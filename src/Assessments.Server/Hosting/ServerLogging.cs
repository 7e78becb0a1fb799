using Assessments.Server.Auth;
using Microsoft.Extensions.Logging.Console;

namespace Assessments.Server.Hosting;

/// <summary>
/// Log levels set in code, so they hold wherever the server is started from (appsettings.json is only
/// found when the working directory is the server's own folder). Rules added here come after the
/// configuration's and so win over its rules of the same category: request lines, which carry whole
/// URLs (an invitation's URL is its token), stay off even if someone turns framework logging up.
/// </summary>
public static class ServerLogging
{
    private static readonly string[] UrlLoggingCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.HttpLogging",
        "Microsoft.AspNetCore.W3CLogging",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Server.Kestrel",
    ];

    public static ILoggingBuilder AddServerLogging(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ");
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        // The framework's own "was not authenticated" line comes at Information for every failed
        // attempt; ours (FailedAuthentications) logs them at Debug and warns once per throttled address.
        logging.AddFilter(typeof(BearerTokenHandler).FullName, LogLevel.Warning);
        logging.AddFilter(typeof(Partner.PartnerKeyHandler).FullName, LogLevel.Warning);
        foreach (var category in UrlLoggingCategories)
        {
            logging.AddFilter(category, LogLevel.None);
            logging.AddFilter<ConsoleLoggerProvider>(category, LogLevel.None);
        }

        return logging;
    }
}
