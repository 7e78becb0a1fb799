using Assessments.Domain.Reports;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assessments.Insight.Findings.Rules;

/// <summary>Asynchronous endpoints that take no CancellationToken, or take one and never use it.</summary>
internal sealed class CancellationTokenRule : FindingRule
{
    private const string WhyMissing = "The endpoint awaits work but takes no CancellationToken: when the client gives up or times out, the service keeps querying and computing for nobody, which is what turns a slow dependency into an outage.";
    private const string WhyDropped = "The endpoint takes a CancellationToken but never passes it on, so a cancelled request still runs to the end.";

    public override string Id => "cancellation-token";

    public override string Title => "Endpoint ignores cancellation";

    public override string Competency => Competencies.Resilience;

    public override IEnumerable<CodeFinding> Inspect(FileContext file)
    {
        foreach (var handler in file.Map.Handlers(file.Root))
        {
            var (parameters, body, anchor) = handler switch
            {
                ParenthesizedLambdaExpressionSyntax l => (l.ParameterList.Parameters, (SyntaxNode?)l.Body, l.ParameterList.GetFirstToken()),
                SimpleLambdaExpressionSyntax s => (SyntaxFactoryList(s.Parameter), s.Body, s.Parameter.Identifier),
                AnonymousMethodExpressionSyntax a => (a.ParameterList?.Parameters ?? default, a.Body, a.DelegateKeyword),
                MethodDeclarationSyntax m => (m.ParameterList.Parameters, (SyntaxNode?)m.Body ?? m.ExpressionBody, m.Identifier),
                LocalFunctionStatementSyntax f => (f.ParameterList.Parameters, (SyntaxNode?)f.Body ?? f.ExpressionBody, f.Identifier),
                _ => (default, null, default),
            };
            if (body is null || !body.DescendantNodesAndSelf().Any(n => n is AwaitExpressionSyntax))
            {
                continue;
            }

            var token = parameters.FirstOrDefault(p => Syntax.TypeName(p.Type) == "CancellationToken");
            var used = body.DescendantTokens().Select(t => t.ValueText).ToHashSet(StringComparer.Ordinal);
            if (token is not null)
            {
                if (!used.Contains(token.Identifier.ValueText))
                {
                    yield return Finding(file, token.Identifier, FindingSeverity.Medium, WhyDropped);
                }
            }
            else if (!used.Contains("RequestAborted"))
            {
                yield return Finding(file, anchor, FindingSeverity.Medium, WhyMissing);
            }
        }
    }

    private static SeparatedSyntaxList<ParameterSyntax> SyntaxFactoryList(ParameterSyntax parameter) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFactory.SingletonSeparatedList(parameter);
}
