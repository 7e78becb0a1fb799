using System.CommandLine;
using Assessments.Client;
using Refit;
using Spectre.Console;

namespace Assessments.Cli.Server;

/// <summary>The --server and --token options every server command shares (defaults: $ASSESS_SERVER, $ASSESS_TOKEN).</summary>
internal sealed class ServerConnection
{
    public Option<string> Server { get; } = new("--server")
    {
        Description = "The platform server's address (default: $ASSESS_SERVER, else http://localhost:8080).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ASSESS_SERVER") is { Length: > 0 } s ? s : "http://localhost:8080",
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "Your bearer token: a user's or a candidate's invite token (default: $ASSESS_TOKEN).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ASSESS_TOKEN"),
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(Token);
    }

    public IAssessmentsApi Open(ParseResult result) => AssessmentsClient.Create(new Uri(result.GetValue(Server)!), result.GetValue(Token));

    /// <summary>Runs a call and turns what the server refused (problem details) or an unreachable server into a message and exit code 1.</summary>
    public static async Task<int> Run(Func<Task<int>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiException e)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] the server answered {(int)e.StatusCode} {Markup.Escape(e.ReasonPhrase ?? string.Empty)}");
            if (!string.IsNullOrWhiteSpace(e.Content))
            {
                AnsiConsole.WriteLine(e.Content);
            }

            return 1;
        }
        catch (HttpRequestException e)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] the server does not answer: {Markup.Escape(e.Message)}");
            return 1;
        }
    }
}
