using System.Net;
using Assessments.Server.Auth;
using Microsoft.Extensions.Options;

namespace Assessments.Server.Hosting;

/// <summary>The settings checks data annotations cannot express; run at start-up, so a bad value stops the server with its reason.</summary>
public sealed class ServerOptionsRules : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var failures = new List<string>();
        if (options.BootstrapAdminToken is { Length: > 0 } token && BootstrapTokenRule.Problem(token) is { } problem)
        {
            failures.Add($"Assessments:BootstrapAdminToken (env ASSESSMENTS__BOOTSTRAPADMINTOKEN) is refused: {problem}. Make one with `openssl rand -base64 32`.");
        }

        foreach (var proxy in options.TrustedProxies.Where(p => !IPAddress.TryParse(p.Trim(), out _) && !System.Net.IPNetwork.TryParse(p.Trim(), out _)))
        {
            failures.Add($"Assessments:TrustedProxies: '{proxy}' is neither an IP address nor a network such as 10.0.0.0/8.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
