using System.Diagnostics;
using Assessments.Domain.Reports;
using Assessments.Insight.Sources;

namespace Assessments.Insight.Findings;

/// <summary>
/// Runs every rule over every file within the time budget. Binding gets the first part of the budget;
/// when it runs out the remaining files are read by syntax alone, and when the whole budget is gone
/// the rest is named as not analysed.
/// </summary>
internal static class FindingScanner
{
    public sealed record Result(IReadOnlyList<CodeFinding> Findings, string Mode, IReadOnlyList<string> LimitsReached);

    public static Result Scan(CodeBase code, IReadOnlyList<SourceFile> settings, TimeSpan budget, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var findings = new List<CodeFinding>();
        var limits = new List<string>();
        var map = CodeMap.Of(code.Files.Select(f => f.Tree), cancellationToken);
        var bound = code.IsBound;
        for (var i = 0; i < code.Files.Count; i++)
        {
            var (file, tree) = code.Files[i];
            if (clock.Elapsed > budget)
            {
                limits.Add($"time budget of {budget.TotalSeconds:0.#} s reached: {code.Files.Count - i} of {code.Files.Count} files were not analysed");
                break;
            }

            if (bound && clock.Elapsed > budget * 0.6)
            {
                bound = false;
                limits.Add($"binding took too long: files from {file.Path} on were analysed by syntax only");
            }

            findings.AddRange(ScanFile(file, tree, bound ? code.ModelFor(tree) : null, map, budget - clock.Elapsed, cancellationToken, out var timedOut));
            if (timedOut && bound)
            {
                // Retry the file by syntax: cheap, and a finding by name is better than none.
                bound = false;
                limits.Add($"binding took too long: files from {file.Path} on were analysed by syntax only");
                findings.AddRange(ScanFile(file, tree, null, map, budget - clock.Elapsed, cancellationToken, out _));
            }
        }

        foreach (var json in settings)
        {
            findings.AddRange(FindingRules.Secrets.InspectSettings(json));
        }

        var mode = code.IsBound && bound ? "semantic" : code.IsBound ? "semantic, partly syntax" : "syntax";
        return new Result(Order(findings), mode, limits);
    }

    private static List<CodeFinding> ScanFile(SourceFile file, Microsoft.CodeAnalysis.SyntaxTree tree, Microsoft.CodeAnalysis.SemanticModel? model, CodeMap map, TimeSpan remaining, CancellationToken cancellationToken, out bool timedOut)
    {
        timedOut = false;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1));
        var context = new FileContext(file, tree, model, map, budget.Token);
        var found = new List<CodeFinding>();
        try
        {
            if (ParseProblems.Of(context) is { } parse)
            {
                found.Add(parse);
            }

            foreach (var rule in FindingRules.All)
            {
                found.AddRange(rule.Inspect(context));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
            return [];
        }
        catch (Exception e) when (e is InsufficientExecutionStackException or System.Text.RegularExpressions.RegexMatchTimeoutException or InvalidOperationException or ArgumentException)
        {
            found.Add(ParseProblems.AnalysisStopped(file.Path, e));
        }

        return found;
    }

    /// <summary>Most severe first, then by place; the same smell at the same line once.</summary>
    private static List<CodeFinding> Order(IEnumerable<CodeFinding> findings) =>
        findings
            .DistinctBy(f => (f.Rule, f.File, f.Line))
            .OrderBy(f => f.Severity switch { FindingSeverity.High => 0, FindingSeverity.Medium => 1, _ => 2 })
            .ThenBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ToList();
}
