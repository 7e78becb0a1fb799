using Assessments.Domain.Reports;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assessments.Insight.Findings.Rules;

/// <summary><c>.Result</c>, <c>.Wait()</c>, <c>GetAwaiter().GetResult()</c>: a thread held hostage by a task.</summary>
internal sealed class SyncOverAsyncRule : FindingRule
{
    private const string Why = "Blocking a thread on a task (.Result, .Wait(), GetAwaiter().GetResult()) holds a thread-pool thread for the whole wait; under load the pool starves and every request slows down or deadlocks. Await it instead.";

    public override string Id => "sync-over-async";

    public override string Title => "Blocks on asynchronous work";

    public override string Competency => Competencies.Performance;

    public override IEnumerable<CodeFinding> Inspect(FileContext file)
    {
        foreach (var access in file.Root.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
        {
            var name = access.Name.Identifier.ValueText;
            if (name == "Result" && access.Parent is not InvocationExpressionSyntax && IsTask(file, access.Expression))
            {
                yield return Finding(file, access.Name, FindingSeverity.High, Why);
            }
            else if (name is "Wait" or "WaitAll" or "WaitAny" && access.Parent is InvocationExpressionSyntax && (IsTask(file, access.Expression) || WaitsOnCallResult(file, access) || access.Expression.ToString() is "Task" or "System.Threading.Tasks.Task"))
            {
                yield return Finding(file, access.Name, FindingSeverity.High, Why);
            }
            else if (name == "GetResult" && access.Expression is InvocationExpressionSyntax inner && Syntax.CalledName(inner) == "GetAwaiter")
            {
                yield return Finding(file, access.Name, FindingSeverity.High, Why);
            }
        }
    }

    /// <summary>Unbound, <c>Call().Wait()</c> is a task: semaphores and events are waited on through a variable, not a call's result.</summary>
    private static bool WaitsOnCallResult(FileContext file, MemberAccessExpressionSyntax access) =>
        file.TypeOf(access.Expression) is null && access.Expression is InvocationExpressionSyntax;

    private static bool IsTask(FileContext file, ExpressionSyntax expression)
    {
        if (file.TypeOf(expression) is { } type)
        {
            return type.StartsWith("System.Threading.Tasks.Task", StringComparison.Ordinal) || type.StartsWith("System.Threading.Tasks.ValueTask", StringComparison.Ordinal);
        }

        // Unbound (no reference assemblies, or a package type): judge by the name.
        return expression switch
        {
            InvocationExpressionSyntax call => Syntax.CalledName(call)?.EndsWith("Async", StringComparison.Ordinal) == true,
            IdentifierNameSyntax id => id.Identifier.ValueText.Contains("task", StringComparison.OrdinalIgnoreCase),
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText.Contains("task", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }
}
