using System.Text.RegularExpressions;
using Assessments.Domain.Reports;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assessments.Insight.Findings.Rules;

/// <summary>SQL text built from values by concatenation, interpolation or string.Format.</summary>
internal sealed partial class SqlInjectionRule : FindingRule
{
    private const string Why = "SQL text built from values lets whoever controls a value rewrite the query (SQL injection: read or delete any row), and defeats the database's plan cache. Pass values as parameters.";

    /// <summary>APIs that turn an interpolated string into parameters (EF Core), so interpolating into them is safe.</summary>
    private static readonly HashSet<string> Parameterising = new(StringComparer.Ordinal)
    {
        "FromSqlInterpolated", "ExecuteSqlInterpolated", "ExecuteSqlInterpolatedAsync", "FromSql", "SqlQuery", "ExecuteSql", "ExecuteSqlAsync", "SqlQueryRaw",
    };

    public override string Id => "sql-injection";

    public override string Title => "SQL built from values";

    public override string Competency => Competencies.Security;

    public override IEnumerable<CodeFinding> Inspect(FileContext file)
    {
        foreach (var node in file.Root.DescendantNodes())
        {
            var (text, dynamic) = node switch
            {
                InterpolatedStringExpressionSyntax s => (string.Concat(s.Contents.OfType<InterpolatedStringTextSyntax>().Select(t => t.TextToken.ValueText)), s.Contents.OfType<InterpolationSyntax>().Any(i => !IsConstant(file, i.Expression))),
                BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AddExpression) && b.Parent is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } => Concatenation(file, b),
                InvocationExpressionSyntax i when IsStringFormat(i) => (LiteralText(i.ArgumentList.Arguments[0].Expression), i.ArgumentList.Arguments.Skip(1).Any(a => !IsConstant(file, a.Expression))),
                _ => (string.Empty, false),
            };
            if (dynamic && LooksLikeSql(text) && !IntoParameterisingApi(node))
            {
                yield return Finding(file, node, FindingSeverity.High, Why);
            }
        }
    }

    private static (string Text, bool Dynamic) Concatenation(FileContext file, BinaryExpressionSyntax expression)
    {
        var operands = new List<ExpressionSyntax>();
        Flatten(expression, operands);
        var text = string.Concat(operands.Select(LiteralText));
        var hasLiteral = operands.Any(o => o is LiteralExpressionSyntax or InterpolatedStringExpressionSyntax);
        return (text, hasLiteral && operands.Any(o => o is not LiteralExpressionSyntax && !IsConstant(file, o)));
    }

    private static void Flatten(ExpressionSyntax expression, List<ExpressionSyntax> operands)
    {
        if (expression is BinaryExpressionSyntax b && b.IsKind(SyntaxKind.AddExpression))
        {
            Flatten(b.Left, operands);
            Flatten(b.Right, operands);
        }
        else
        {
            operands.Add(expression is ParenthesizedExpressionSyntax p ? p.Expression : expression);
        }
    }

    private static string LiteralText(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax l when l.IsKind(SyntaxKind.StringLiteralExpression) => l.Token.ValueText,
        InterpolatedStringExpressionSyntax s => string.Concat(s.Contents.OfType<InterpolatedStringTextSyntax>().Select(t => t.TextToken.ValueText)),
        _ => " ",
    };

    /// <summary>Constants (a table name in a const) are not values a caller controls.</summary>
    private static bool IsConstant(FileContext file, ExpressionSyntax expression) =>
        expression is LiteralExpressionSyntax
        || (file.Model?.GetConstantValue(expression, file.CancellationToken).HasValue ?? false)
        || expression is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } };

    private static bool IsStringFormat(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Format", Expression: var target }
        && target.ToString() is "string" or "String" or "System.String"
        && invocation.ArgumentList.Arguments.Count > 1;

    private static bool IntoParameterisingApi(SyntaxNode node) =>
        node.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax invocation }
        && Syntax.CalledName(invocation) is { } name && Parameterising.Contains(name)
        && node is InterpolatedStringExpressionSyntax;

    private static bool LooksLikeSql(string text) => SqlShape().IsMatch(text.Length > 4000 ? text[..4000] : text);

    [GeneratedRegex(@"\bselect\b[\s\S]*\bfrom\b|\binsert\s+into\b|\bupdate\b[\s\S]*\bset\b|\bdelete\s+from\b|\bwhere\b[\s\S]*[=<>]|\border\s+by\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex SqlShape();
}
