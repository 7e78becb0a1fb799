using Assessments.Domain.Reports;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assessments.Insight.Findings.Rules;

/// <summary><c>new HttpClient()</c> inside a method: a fresh connection pool per call.</summary>
internal sealed class HttpClientPerRequestRule : FindingRule
{
    private const string Why = "Each new HttpClient opens its own connections, and disposed ones linger in TIME_WAIT: created per request, a busy service runs out of sockets and pays a new TCP/TLS handshake every time. Use IHttpClientFactory or one shared client.";

    public override string Id => "httpclient-per-request";

    public override string Title => "HttpClient created per call";

    public override string Competency => Competencies.Resilience;

    public override IEnumerable<CodeFinding> Inspect(FileContext file)
    {
        foreach (var creation in file.Root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
        {
            var isHttpClient = creation is ObjectCreationExpressionSyntax explicitType
                ? Syntax.TypeName(explicitType.Type) == "HttpClient"
                : file.TypeOf(creation) == "System.Net.Http.HttpClient";
            var function = Syntax.EnclosingFunction(creation);
            if (!isHttpClient || function is null or ConstructorDeclarationSyntax || IsRegistration(function))
            {
                continue;
            }

            // A client made once at start-up (a top-level statement, a static field) is shared, not per request.
            var severity = file.Map.OnRequestPath(creation) ? FindingSeverity.High : FindingSeverity.Medium;
            yield return Finding(file, creation, severity, Why);
        }
    }

    /// <summary>A factory given to <c>AddSingleton(…)</c> and friends runs once per container, not per call.</summary>
    private static bool IsRegistration(Microsoft.CodeAnalysis.SyntaxNode function) =>
        function.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax invocation }
        && Syntax.CalledName(invocation)?.StartsWith("Add", StringComparison.Ordinal) == true;
}
