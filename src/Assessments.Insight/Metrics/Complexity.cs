using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assessments.Insight.Metrics;

/// <summary>McCabe's cyclomatic complexity of one unit of code: 1 + every branch and short-circuit in it.</summary>
internal static class Complexity
{
    public static int Of(SyntaxNode unit, Func<SyntaxNode, bool> isOwnUnit)
    {
        var complexity = 1;
        foreach (var node in unit.DescendantNodes(n => n == unit || !isOwnUnit(n)))
        {
            complexity += node switch
            {
                IfStatementSyntax or WhileStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or DoStatementSyntax
                    or CatchClauseSyntax or ConditionalExpressionSyntax or CaseSwitchLabelSyntax or CasePatternSwitchLabelSyntax => 1,
                SwitchExpressionArmSyntax => 1,
                BinaryExpressionSyntax b when b.Kind() is SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression or SyntaxKind.CoalesceExpression => 1,
                AssignmentExpressionSyntax a when a.IsKind(SyntaxKind.CoalesceAssignmentExpression) => 1,
                _ => 0,
            };
        }

        return complexity;
    }
}
