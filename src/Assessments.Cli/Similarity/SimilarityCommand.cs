using System.CommandLine;
using System.Text.Json;
using Assessments.Domain.Challenges.Loading;
using Assessments.Insight;
using Assessments.Insight.Similarity;
using Assessments.Insight.Sources;
using Assessments.Submissions;
using Spectre.Console;

namespace Assessments.Cli.Similarity;

/// <summary>
/// <c>assess similarity</c>: pairwise similarity of a challenge's submissions (starter kit excluded), with
/// the matching regions side by side. A flag for an interviewer to look at, never a verdict.
/// </summary>
internal static class SimilarityCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var challenge = new Option<string>("--challenge", "-c") { Description = "Challenge id or folder (its starter kit is excluded).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of pairs (a, b, similarity 0-1, flagged, regions)." };
        var submissions = new Argument<string[]>("submissions") { Description = "Two or more submissions (folders, .zip or .tar.gz).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("similarity", "Compare submissions of a challenge pairwise by normalised token fingerprints.") { challenge, json, submissions };
        command.SetAction((result, cancellationToken) => Task.FromResult(Run(result.GetValue(challenge)!, result.GetValue(submissions)!, result.GetValue(json), cancellationToken)));
        return command;
    }

    private static int Run(string challengeArg, string[] submissions, bool asJson, CancellationToken cancellationToken)
    {
        if (submissions.Length < 2)
        {
            AnsiConsole.MarkupLine("[red]error:[/] give at least two submissions to compare");
            return 1;
        }

        SimilarityIndex index;
        try
        {
            var loaded = ChallengeLoader.Load(ChallengeLocator.Resolve(challengeArg));
            index = new SimilarityIndex(SimilarityIndex.StarterFiles(loaded.StarterLanguages.Select(loaded.StarterDirectoryFor).OfType<string>()));
            foreach (var path in submissions)
            {
                // The same intake as grading: archives unpacked safely within limits, links refused.
                using var staged = SubmissionIntake.Stage(path, SubmissionLimits.Default);
                index.Add(path, SourceSet.Read(staged.Root, InsightLimits.Default).Code, cancellationToken);
            }
        }
        catch (Exception e) when (e is InvalidChallengeException or DirectoryNotFoundException or SubmissionRejectedException or IOException)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return 1;
        }

        var pairs = index.ComparePairwise(cancellationToken);
        if (asJson)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(pairs, Json));
            return 0;
        }

        Print(pairs);
        return 0;
    }

    private static void Print(IReadOnlyList<SimilarityPair> pairs)
    {
        var table = new Table().AddColumns("a", "b", "similarity", "shared tokens (a, b)", "flag");
        foreach (var p in pairs)
        {
            table.AddRow(Markup.Escape(p.A), Markup.Escape(p.B), $"{p.Similarity:0.00}", $"{p.SharedTokensA}/{p.TokensA}, {p.SharedTokensB}/{p.TokensB}", p.Flagged ? "[yellow]look closer[/]" : string.Empty);
        }

        AnsiConsole.Write(table);
        foreach (var p in pairs.Where(p => p.Flagged))
        {
            AnsiConsole.MarkupLine($"\n[bold]{Markup.Escape(p.A)}[/] ↔ [bold]{Markup.Escape(p.B)}[/] ({p.Similarity:0.00}): matching regions, longest first");
            foreach (var r in p.Regions.Take(10))
            {
                AnsiConsole.MarkupLine($"  {Markup.Escape($"{r.A.File}:{r.A.StartLine}-{r.A.EndLine}")}  ↔  {Markup.Escape($"{r.B.File}:{r.B.StartLine}-{r.B.EndLine}")}  ({r.Tokens} tokens)");
            }
        }

        AnsiConsole.MarkupLine("\n[grey]Similarity is shared code after identifiers and literals are abstracted, starter kit excluded. A flag is a reason to read both side by side, never a verdict on its own.[/]");
    }
}
