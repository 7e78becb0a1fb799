using System.CommandLine;
using Assessments.Client;
using Refit;
using Spectre.Console;

namespace Assessments.Cli.Server;

/// <summary>The --server and --token options every server command shares (defaults: $ASSESS_SERVER, $ASSESS_TOKEN).</summary>
internal sealed class ServerConnection
{
    public const string TokenVariable = "ASSESS_TOKEN";

    public Option<string> Server { get; } = new("--server")
    {
        Description = "The platform server's address (default: $ASSESS_SERVER, else http://localhost:8080).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ASSESS_SERVER") is { Length: > 0 } s ? s : "http://localhost:8080",
    };

    // No DefaultValueFactory: help prints a default's value, and this one is a secret. $ASSESS_TOKEN is read when the command runs.
    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"Your bearer token: a user's or a candidate's invite token (default: ${TokenVariable}).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(Token);
    }

    public Uri ServerAddress(ParseResult result) => new(result.GetValue(Server)!);

    public IAssessmentsApi Open(ParseResult result) =>
        AssessmentsClient.Create(ServerAddress(result), result.GetValue(Token) ?? Environment.GetEnvironmentVariable(TokenVariable));

    /// <summary>Runs a call and turns what the server refused (problem details) or an unreachable server into one sentence and exit code 1.</summary>
    public static async Task<int> Run(Func<Task<int>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiException e)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(ServerProblem.Sentence((int)e.StatusCode, e.ReasonPhrase, e.Content))}");
            return 1;
        }
        catch (ApiRequestException e)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] the server does not answer: {Markup.Escape(e.InnerException?.Message ?? e.Message)}");
            return 1;
        }
        catch (HttpRequestException e)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] the server does not answer: {Markup.Escape(e.Message)}");
            return 1;
        }
        catch (UriFormatException e)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] --server is not an address: {Markup.Escape(e.Message)}");
            return 1;
        }
    }
}
