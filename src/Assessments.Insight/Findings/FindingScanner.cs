using System.Diagnostics;
using Assessments.Domain.Reports;
using Assessments.Insight.Sources;
using Microsoft.CodeAnalysis;

namespace Assessments.Insight.Findings;

/// <summary>
/// Runs every rule over every file within the time budget. Binding gets most of the budget; when it has
/// not finished by then (a cold process pays for compiling Roslyn's binder) it is abandoned and the
/// files are read by syntax alone, and when the whole budget is gone the rest is named as not analysed.
/// </summary>
internal static class FindingScanner
{
    public sealed record Result(IReadOnlyList<CodeFinding> Findings, string Mode, IReadOnlyList<string> LimitsReached);

    public static Result Scan(CodeBase code, IReadOnlyList<SourceFile> settings, TimeSpan budget, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var map = CodeMap.Of(code.Files.Select(f => f.Tree), cancellationToken);
        var limits = new List<string>();
        if (code.IsBound)
        {
            using var binding = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var share = budget * 0.7;
            var semantic = OnLargeStack(() => ScanAll(code, map, bound: true, clock, share, binding.Token));
            if (WaitFor(semantic, share - clock.Elapsed, cancellationToken) && semantic.IsCompletedSuccessfully && semantic.Result.Limits.Count == 0)
            {
                return new Result(Order([.. semantic.Result.Findings, .. Settings(settings)]), "semantic", []);
            }

            // Abandoned: it stops at its next cancellation check; its partial findings are not mixed in.
            binding.Cancel();
            limits.Add($"binding against the framework did not finish within {share.TotalSeconds:0.#} s: analysed by syntax only");
        }

        var syntax = ScanAll(code, map, bound: false, clock, budget, cancellationToken);
        limits.AddRange(syntax.Limits);
        return new Result(Order([.. syntax.Findings, .. Settings(settings)]), "syntax", limits);
    }

    /// <summary>The binder recurses with the code's nesting: a thread with a generous stack, not a pool thread's.</summary>
    private static Task<(List<CodeFinding> Findings, List<string> Limits)> OnLargeStack(Func<(List<CodeFinding>, List<string>)> work)
    {
        var done = new TaskCompletionSource<(List<CodeFinding>, List<string>)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(
            () =>
            {
                try
                {
                    done.SetResult(work());
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            },
            maxStackSize: 64 * 1024 * 1024)
        { IsBackground = true, Name = "code-insight-binding" };
        thread.Start();
        return done.Task;
    }

    private static bool WaitFor(Task task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return task.Wait(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero, cancellationToken);
        }
        catch (AggregateException)
        {
            return false;
        }
    }

    private static IEnumerable<CodeFinding> Settings(IReadOnlyList<SourceFile> settings) =>
        settings.SelectMany(FindingRules.Secrets.InspectSettings);

    private static (List<CodeFinding> Findings, List<string> Limits) ScanAll(CodeBase code, CodeMap map, bool bound, Stopwatch clock, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var findings = new List<CodeFinding>();
        var limits = new List<string>();
        for (var i = 0; i < code.Files.Count; i++)
        {
            var remaining = deadline - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                limits.Add($"time budget reached: {code.Files.Count - i} of {code.Files.Count} files were not analysed");
                break;
            }

            var (file, tree) = code.Files[i];
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(remaining);
            try
            {
                findings.AddRange(ScanFile(new FileContext(file, tree, bound ? code.ModelFor(tree) : null, map, budget.Token)));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                limits.Add($"time budget reached in {file.Path}: it and {code.Files.Count - i - 1} more files were not analysed");
                break;
            }
        }

        return (findings, limits);
    }

    private static List<CodeFinding> ScanFile(FileContext context)
    {
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
        catch (Exception e) when (e is InsufficientExecutionStackException or System.Text.RegularExpressions.RegexMatchTimeoutException or InvalidOperationException or ArgumentException)
        {
            found.Add(ParseProblems.AnalysisStopped(context.File.Path, e));
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
