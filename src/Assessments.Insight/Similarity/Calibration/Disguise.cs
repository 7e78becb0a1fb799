using Assessments.Insight.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assessments.Insight.Similarity.Calibration;

/// <summary>
/// What a candidate hiding a copy would do to it, applied deterministically from a seed: rename every
/// identifier the code declares, reorder members, replace comments, reformat, insert dead code. The
/// tests and the benchmark use it to show the detector still sees the copy.
/// </summary>
public static class Disguise
{
    /// <summary>A file disguised in its own language: Roslyn rewrites C#, <see cref="LexicalDisguise"/> the others.</summary>
    public static string Apply(SourceFile file, int seed, DisguiseMoves moves = DisguiseMoves.All) =>
        file.Language == SourceLanguage.CSharp ? Apply(file.Text, seed, moves) : LexicalDisguise.Apply(file.Text, file.Language, seed, moves);

    public static string Apply(string source, int seed, DisguiseMoves moves = DisguiseMoves.All)
    {
        var random = new Random(seed);
        var root = CSharpSyntaxTree.ParseText(source).GetCompilationUnitRoot();
        if (moves.HasFlag(DisguiseMoves.Rename))
        {
            root = (CompilationUnitSyntax)new Renamer(DeclaredNames(root), seed).Visit(root);
        }

        if (moves.HasFlag(DisguiseMoves.DeadCode))
        {
            root = (CompilationUnitSyntax)new DeadCodeInserter(random).Visit(root);
        }

        if (moves.HasFlag(DisguiseMoves.Reorder))
        {
            root = (CompilationUnitSyntax)new Reorderer(random).Visit(root);
            root = root.WithMembers(ReorderTypes(root.Members, random));
        }

        if (moves.HasFlag(DisguiseMoves.Comments))
        {
            root = (CompilationUnitSyntax)new CommentReplacer().Visit(root);
        }

        return moves.HasFlag(DisguiseMoves.Format)
            ? root.NormalizeWhitespace(indentation: "\t", eol: "\n").ToFullString()
            : root.ToFullString();
    }

    /// <summary>Every name the source itself declares: types, members, parameters, locals, pattern variables.</summary>
    private static HashSet<string> DeclaredNames(SyntaxNode root)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in root.DescendantNodes())
        {
            var token = node switch
            {
                BaseTypeDeclarationSyntax t => t.Identifier,
                DelegateDeclarationSyntax d => d.Identifier,
                MethodDeclarationSyntax m => m.Identifier,
                PropertyDeclarationSyntax p => p.Identifier,
                EventDeclarationSyntax e => e.Identifier,
                VariableDeclaratorSyntax v => v.Identifier,
                ParameterSyntax p => p.Identifier,
                SingleVariableDesignationSyntax s => s.Identifier,
                ForEachStatementSyntax f => f.Identifier,
                LocalFunctionStatementSyntax l => l.Identifier,
                EnumMemberDeclarationSyntax e => e.Identifier,
                TypeParameterSyntax t => t.Identifier,
                CatchDeclarationSyntax c => c.Identifier,
                _ => default,
            };
            if (token.ValueText.Length > 0 && token.ValueText != "_")
            {
                names.Add(token.ValueText);
            }
        }

        return names;
    }

    private static SyntaxList<MemberDeclarationSyntax> ReorderTypes(SyntaxList<MemberDeclarationSyntax> members, Random random)
    {
        // Top-level statements run in order; only the declarations after them may move.
        var statements = members.TakeWhile(m => m is GlobalStatementSyntax).ToList();
        var rest = members.Skip(statements.Count).ToList();
        return SyntaxFactory.List(statements.Concat(rest.OrderBy(_ => random.Next())));
    }

    private sealed class Renamer(HashSet<string> declared, int seed) : CSharpSyntaxRewriter
    {
        public override SyntaxToken VisitToken(SyntaxToken token)
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && declared.Contains(token.ValueText))
            {
                var name = $"v{(uint)HashCode.Combine(token.ValueText, seed):x}";
                return SyntaxFactory.Identifier(token.LeadingTrivia, name, token.TrailingTrivia);
            }

            return base.VisitToken(token);
        }
    }

    private sealed class Reorderer(Random random) : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitClassDeclaration(ClassDeclarationSyntax node) =>
            base.VisitClassDeclaration(node.WithMembers(Shuffle(node.Members)));

        public override SyntaxNode? VisitRecordDeclaration(RecordDeclarationSyntax node) =>
            base.VisitRecordDeclaration(node.WithMembers(Shuffle(node.Members)));

        public override SyntaxNode? VisitStructDeclaration(StructDeclarationSyntax node) =>
            base.VisitStructDeclaration(node.WithMembers(Shuffle(node.Members)));

        private SyntaxList<MemberDeclarationSyntax> Shuffle(SyntaxList<MemberDeclarationSyntax> members) =>
            SyntaxFactory.List(members.OrderBy(_ => random.Next()).ToList());
    }

    private sealed class CommentReplacer : CSharpSyntaxRewriter
    {
        private int _count;

        public override SyntaxTrivia VisitTrivia(SyntaxTrivia trivia) =>
            trivia.Kind() is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
                or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia
                ? SyntaxFactory.Comment($"/* note {++_count} */")
                : base.VisitTrivia(trivia);
    }

    /// <summary>Code that never runs: a guard that is never true at the start of methods, and an unused helper per type.</summary>
    private sealed class DeadCodeInserter(Random random) : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
        {
            var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
            return visited.Body is { } body && random.Next(2) == 0 ? visited.WithBody(body.WithStatements(body.Statements.Insert(0, Guard()))) : visited;
        }

        public override SyntaxNode? VisitClassDeclaration(ClassDeclarationSyntax node)
        {
            var visited = (ClassDeclarationSyntax)base.VisitClassDeclaration(node)!;
            return visited.AddMembers(Helper());
        }

        public override SyntaxNode? VisitCompilationUnit(CompilationUnitSyntax node)
        {
            var visited = (CompilationUnitSyntax)base.VisitCompilationUnit(node)!;
            var firstStatement = visited.Members.IndexOf(m => m is GlobalStatementSyntax);
            return firstStatement < 0
                ? visited
                : visited.WithMembers(visited.Members.Insert(firstStatement + 1, SyntaxFactory.GlobalStatement(Guard())));
        }

        private StatementSyntax Guard() => SyntaxFactory.ParseStatement(
            $"if (System.DateTime.UtcNow.Year < {1900 + random.Next(50)}) {{ var probe = new System.Text.StringBuilder(); probe.Append({random.Next(1000)}); System.Console.WriteLine(probe.ToString()); }}\n");

        private MemberDeclarationSyntax Helper() => SyntaxFactory.ParseMemberDeclaration(
            $"private static int Unused{random.Next(1000)}(int value) {{ var total = 0; for (var i = 0; i < value; i++) {{ total += i * {random.Next(2, 9)}; }} return total; }}\n")!;
    }
}

[Flags]
public enum DisguiseMoves
{
    None = 0,
    Rename = 1,
    Reorder = 2,
    Comments = 4,
    Format = 8,
    DeadCode = 16,
    All = Rename | Reorder | Comments | Format | DeadCode,
}
