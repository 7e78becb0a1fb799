using Assessments.Insight.Lexing;
using Assessments.Insight.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assessments.Insight.Similarity;

/// <summary>
/// A submission's source as one normalised token sequence: every identifier is the same token, every
/// literal of a kind is the same token, comments and layout are gone. Renaming, reformatting and
/// re-commenting therefore change nothing; file boundaries are walls no match crosses. C# is read by
/// Roslyn, every other language by <see cref="NeutralLexer"/>, whose kinds never equal a C# one.
/// </summary>
public sealed class TokenStream
{
    /// <summary>Stands between files; equal to nothing, not even itself.</summary>
    public const int Boundary = -1;

    private const int Skipped = -2;

    private TokenStream(int[] kinds, int[] files, int[] lines, IReadOnlyList<string> paths)
    {
        Kinds = kinds;
        Files = files;
        Lines = lines;
        Paths = paths;
    }

    public int[] Kinds { get; }

    /// <summary>Index into <see cref="Paths"/> per token.</summary>
    public int[] Files { get; }

    /// <summary>1-based source line per token.</summary>
    public int[] Lines { get; }

    public IReadOnlyList<string> Paths { get; }

    public int Length => Kinds.Length;

    /// <summary>A stream stored earlier (the platform's similarity index keeps streams, not sources).</summary>
    public static TokenStream FromParts(int[] kinds, int[] files, int[] lines, IReadOnlyList<string> paths)
    {
        if (kinds.Length != files.Length || kinds.Length != lines.Length || files.Any(f => f < 0 || f >= paths.Count))
        {
            throw new ArgumentException("a token stream needs one file (within the paths) and one line per token");
        }

        return new TokenStream(kinds, files, lines, paths);
    }

    public static TokenStream Of(IReadOnlyList<SourceFile> files, CancellationToken cancellationToken = default)
    {
        var kinds = new List<int>();
        var fileIndex = new List<int>();
        var lines = new List<int>();
        for (var f = 0; f < files.Count; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (kinds.Count > 0)
            {
                kinds.Add(Boundary);
                fileIndex.Add(f);
                lines.Add(0);
            }

            foreach (var (kind, line) in Tokens(files[f], cancellationToken))
            {
                kinds.Add(kind);
                fileIndex.Add(f);
                lines.Add(line);
            }
        }

        return new TokenStream([.. kinds], [.. fileIndex], [.. lines], files.Select(f => f.Path).ToList());
    }

    private static IEnumerable<(int Kind, int Line)> Tokens(SourceFile file, CancellationToken cancellationToken)
    {
        if (file.Language != SourceLanguage.CSharp)
        {
            return NeutralTokens.Of(NeutralLexer.Lex(file.Text, file.Language), file.Language);
        }

        var tree = CSharpSyntaxTree.ParseText(file.Text, cancellationToken: cancellationToken);
        var text = tree.GetText(cancellationToken);
        return tree.GetRoot(cancellationToken).DescendantTokens()
            .Select(token => (Kind: Normalise(token) ?? Skipped, Line: text.Lines.GetLineFromPosition(token.SpanStart).LineNumber + 1))
            .Where(t => t.Kind != Skipped);
    }

    private static int? Normalise(SyntaxToken token)
    {
        var kind = token.Kind();
        if (kind is SyntaxKind.EndOfFileToken or SyntaxKind.None || token.IsMissing)
        {
            return null;
        }

        // Imports and namespace names say nothing about how the code is written.
        if (token.Parent?.AncestorsAndSelf().Any(n => n is UsingDirectiveSyntax or ExternAliasDirectiveSyntax) == true
            || (token.Parent?.Parent is BaseNamespaceDeclarationSyntax ns && token.SpanStart >= ns.Name.SpanStart && token.Span.End <= ns.Name.Span.End)
            || token.Parent is QualifiedNameSyntax { Parent: BaseNamespaceDeclarationSyntax })
        {
            return null;
        }

        return kind switch
        {
            SyntaxKind.StringLiteralToken or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.SingleLineRawStringLiteralToken
                or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.CharacterLiteralToken
                or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken => (int)SyntaxKind.StringLiteralToken,
            _ => (int)kind,
        };
    }
}
