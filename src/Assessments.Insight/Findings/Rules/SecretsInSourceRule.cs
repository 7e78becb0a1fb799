using System.Text.RegularExpressions;
using Assessments.Domain.Reports;
using Assessments.Insight.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assessments.Insight.Findings.Rules;

/// <summary>Passwords in connection strings, private keys, API tokens and keys written into the source.</summary>
internal sealed partial class SecretsInSourceRule : FindingRule
{
    private const string Why = "A secret in the source is in every clone, image layer and log of the repository, and cannot be rotated without a release. Read it from configuration or a secret store.";
    private const string WhyDefault = "A well-known development password in a connection string: harmless against a throwaway local database, but it ships with the code unless configuration overrides it.";

    /// <summary>Passwords nobody would take for a real secret: a local database's defaults.</summary>
    private static readonly HashSet<string> DevelopmentDefaults = new(StringComparer.OrdinalIgnoreCase)
    {
        "postgres", "password", "pass", "secret", "changeme", "example", "test", "dev", "app", "admin", "guest", "sa", "root", "local", "user", "mysecretpassword",
    };

    public override string Id => "secret-in-source";

    public override string Title => "Secret in source";

    public override string Competency => Competencies.Security;

    public override IEnumerable<CodeFinding> Inspect(FileContext file)
    {
        foreach (var token in file.Root.DescendantTokens())
        {
            if (token.Kind() is not (SyntaxKind.StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.InterpolatedStringTextToken))
            {
                continue;
            }

            var severity = Judge(token.ValueText) ?? (IsNamedSecret(token) ? FindingSeverity.High : null);
            if (severity is not null)
            {
                yield return Finding(file, token, severity, severity == FindingSeverity.High ? Why : WhyDefault);
            }
        }
    }

    /// <summary>The same patterns in appsettings*.json, line by line.</summary>
    public IEnumerable<CodeFinding> InspectSettings(SourceFile settings)
    {
        var lines = settings.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var severity = Judge(lines[i]) ?? (SecretKey().IsMatch(lines[i]) ? FindingSeverity.High : null);
            if (severity is not null)
            {
                var snippet = lines[i].Trim();
                yield return new CodeFinding(Id, Title, severity, Competency, settings.Path, i + 1, snippet.Length > 200 ? snippet[..200] + "…" : snippet, severity == FindingSeverity.High ? Why : WhyDefault);
            }
        }
    }

    private static string? Judge(string text)
    {
        if (text.Length > 20_000)
        {
            text = text[..20_000];
        }

        if (PrivateKey().IsMatch(text) || KnownToken().IsMatch(text))
        {
            return FindingSeverity.High;
        }

        var password = text.Contains(';', StringComparison.Ordinal) ? ConnectionPassword().Match(text) : UrlPassword().Match(text);
        if (!password.Success)
        {
            return null;
        }

        var value = password.Groups["value"].Value;
        var user = password.Groups["user"].Success ? password.Groups["user"].Value : ConnectionUser().Match(text) is { Success: true } u ? u.Groups["value"].Value : null;
        if (value.Length == 0 || value[0] is '$' or '{' or '%' or '<' or '*')
        {
            return null;
        }

        return DevelopmentDefaults.Contains(value) || string.Equals(value, user, StringComparison.OrdinalIgnoreCase) ? FindingSeverity.Low : FindingSeverity.High;
    }

    /// <summary>A long literal given to something named like a secret: <c>const string JwtKey = "…"</c>.</summary>
    private static bool IsNamedSecret(SyntaxToken token)
    {
        if (token.ValueText.Length < 12 || token.ValueText.Contains(' ', StringComparison.Ordinal) || token.Parent is not LiteralExpressionSyntax literal)
        {
            return false;
        }

        var name = literal.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax v } => v.Identifier.ValueText,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax p } => p.Identifier.ValueText,
            AssignmentExpressionSyntax { Left: var left } => left.ToString(),
            _ => null,
        };
        return name is not null && SecretName().IsMatch(name);
    }

    [GeneratedRegex(@"-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\bAKIA[0-9A-Z]{16}\b|\bsk_live_[0-9A-Za-z]{16,}|\bghp_[0-9A-Za-z]{30,}|\bxox[abprs]-[0-9A-Za-z-]{10,}|\bAIza[0-9A-Za-z_-]{35}", RegexOptions.CultureInvariant)]
    private static partial Regex KnownToken();

    [GeneratedRegex(@"(?:^|[;""'\s])(?:password|pwd)\s*=\s*(?<value>[^;""'\s]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionPassword();

    [GeneratedRegex(@"\b[a-z][a-z0-9+.-]*://(?<user>[^:/@\s]+):(?<value>[^@/\s]+)@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"(?:^|[;""'\s])(?:user\s*id|username|user|uid)\s*=\s*(?<value>[^;""'\s]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionUser();

    [GeneratedRegex(@"(secret|apikey|api_key|password|passwd|token|signingkey|jwtkey|privatekey|accesskey)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"""[^""]*(secret|apikey|api_key|password|signingkey|jwtkey|privatekey|accesskey)[^""]*""\s*:\s*""[^""\s$<{]{12,}""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretKey();
}
