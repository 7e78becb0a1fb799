using Assessments.Domain.Reports;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assessments.Insight.Findings.Rules;

/// <summary>catch-all blocks that neither rethrow, log nor look at the exception.</summary>
internal sealed class SwallowedExceptionRule : FindingRule
{
    private const string Why = "A catch-all that drops the exception hides every failure, from a bug to a lost database: the caller gets a wrong answer instead of an error, nothing is logged, and nobody is alerted. Catch what you can handle, log the rest and let it fail.";

    public override string Id => "swallowed-exception";

    public override string Title => "Exception swallowed";

    public override string Competency => Competencies.Resilience;

    public override IEnumerable<CodeFinding> Inspect(FileContext file)
    {
        foreach (var clause in file.Root.DescendantNodes().OfType<CatchClauseSyntax>())
        {
            var catchesAll = clause.Declaration is null || Syntax.TypeName(clause.Declaration.Type) == "Exception";
            if (!catchesAll || clause.Filter is not null)
            {
                continue;
            }

            var variable = clause.Declaration?.Identifier.ValueText;
            var nodes = clause.Block.DescendantNodes().ToList();
            var rethrows = nodes.Any(n => n is ThrowStatementSyntax or ThrowExpressionSyntax);
            var usesException = variable is { Length: > 0 } && clause.Block.DescendantTokens().Any(t => t.ValueText == variable);
            var logs = nodes.OfType<InvocationExpressionSyntax>().Any(i => Syntax.CalledName(i)?.Contains("Log", StringComparison.OrdinalIgnoreCase) == true || i.Expression.ToString().Contains("Console.Error", StringComparison.Ordinal));
            if (!rethrows && !usesException && !logs)
            {
                yield return Finding(file, clause.CatchKeyword, FindingSeverity.Medium, Why);
            }
        }
    }
}
