using Assessments.Domain.Reports;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assessments.Insight.Findings.Rules;

/// <summary><c>Thread.Sleep</c> where a request is waiting, or in asynchronous code.</summary>
internal sealed class ThreadSleepRule : FindingRule
{
    private const string Why = "Thread.Sleep parks a thread-pool thread that could serve other requests; a few concurrent sleepers starve the pool and latency climbs for everyone. Use await Task.Delay(…, cancellationToken).";

    public override string Id => "thread-sleep";

    public override string Title => "Thread.Sleep on a request path";

    public override string Competency => Competencies.Performance;

    public override IEnumerable<CodeFinding> Inspect(FileContext file)
    {
        foreach (var invocation in file.Root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Sleep" } access || !IsThread(file, invocation, access))
            {
                continue;
            }

            if (file.Map.OnRequestPath(invocation))
            {
                yield return Finding(file, invocation, FindingSeverity.High, Why);
            }
            else if (Syntax.InAsyncCode(invocation))
            {
                yield return Finding(file, invocation, FindingSeverity.Medium, Why);
            }
        }
    }

    private static bool IsThread(FileContext file, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access) =>
        file.MethodOf(invocation) is { } method
            ? FileContext.MetadataName(method.ContainingType) == "System.Threading.Thread"
            : access.Expression.ToString() is "Thread" or "System.Threading.Thread";
}
