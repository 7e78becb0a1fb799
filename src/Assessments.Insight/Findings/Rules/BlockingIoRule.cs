using Assessments.Domain.Reports;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assessments.Insight.Findings.Rules;

/// <summary>Synchronous file, stream, network or database calls inside async code, where an async version exists.</summary>
internal sealed class BlockingIoRule : FindingRule
{
    private const string Why = "A synchronous I/O call inside async code blocks the thread-pool thread for the whole disk or network wait, which is exactly what async was meant to avoid; under load it starves the pool. Call the Async overload and await it.";

    /// <summary>Judged by name when the code could not be bound.</summary>
    private static readonly HashSet<string> FileCalls = new(StringComparer.Ordinal) { "ReadAllText", "ReadAllBytes", "ReadAllLines", "WriteAllText", "WriteAllBytes", "WriteAllLines", "AppendAllText", "AppendAllLines" };
    private static readonly HashSet<string> DatabaseCalls = new(StringComparer.Ordinal) { "ExecuteReader", "ExecuteNonQuery", "ExecuteScalar" };
    private static readonly HashSet<string> ReaderCalls = new(StringComparer.Ordinal) { "ReadToEnd", "ReadLine" };
    private static readonly string[] IoNamespaces = ["System.IO", "System.Net", "System.Data", "Npgsql", "Microsoft.Data", "MySql", "Dapper", "StackExchange.Redis", "RabbitMQ"];

    public override string Id => "blocking-io-in-async";

    public override string Title => "Blocking I/O in async code";

    public override string Competency => Competencies.Performance;

    public override IEnumerable<CodeFinding> Inspect(FileContext file)
    {
        foreach (var invocation in file.Root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (Syntax.CalledName(invocation) is not { } name || name.EndsWith("Async", StringComparison.Ordinal) || !Syntax.InAsyncCode(invocation))
            {
                continue;
            }

            var blocking = file.MethodOf(invocation) is { } method ? HasAsyncTwin(method) : ByName(invocation, name);
            if (blocking)
            {
                yield return Finding(file, invocation, FindingSeverity.Medium, Why);
            }
        }
    }

    private static bool HasAsyncTwin(IMethodSymbol method)
    {
        var ns = method.ContainingType.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (!IoNamespaces.Any(n => ns == n || ns.StartsWith(n + ".", StringComparison.Ordinal)) || method.Name is "Dispose" or "Close")
        {
            return false;
        }

        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (type.GetMembers(method.Name + "Async").Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ByName(InvocationExpressionSyntax invocation, string name)
    {
        var receiver = Syntax.Receiver(invocation)?.ToString() ?? string.Empty;
        return (FileCalls.Contains(name) && receiver is "File" or "System.IO.File")
            || DatabaseCalls.Contains(name)
            || (ReaderCalls.Contains(name) && receiver.Contains("reader", StringComparison.OrdinalIgnoreCase))
            || (name is "Read" or "Write" or "Flush" or "CopyTo" && receiver.Contains("stream", StringComparison.OrdinalIgnoreCase))
            || (name == "Open" && receiver.Contains("conn", StringComparison.OrdinalIgnoreCase));
    }
}
