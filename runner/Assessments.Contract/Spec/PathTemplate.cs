namespace Assessments.Contract.Spec;

/// <summary>OpenAPI path templates: matching concrete paths and filling in parameters.</summary>
public static class PathTemplate
{
    public static bool Matches(string template, string path)
    {
        var expected = template.Trim('/').Split('/');
        var actual = path.Trim('/').Split('/');
        return expected.Length == actual.Length
            && expected.Zip(actual).All(p => IsParameter(p.First) ? p.Second.Length > 0 : string.Equals(p.First, p.Second, StringComparison.Ordinal));
    }

    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var segments = template.Split('/').Select(s => IsParameter(s) && values.TryGetValue(s[1..^1], out var v) ? Uri.EscapeDataString(v) : s);
        return string.Join('/', segments);
    }

    private static bool IsParameter(string segment) => segment.Length > 2 && segment[0] == '{' && segment[^1] == '}';
}
