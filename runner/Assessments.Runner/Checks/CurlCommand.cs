using System.Text;

namespace Assessments.Runner.Checks;

/// <summary>
/// A ready-to-paste curl command for a request, aimed at a local run of the submission
/// (<c>docker run -p 8080:8080 …</c>), so a candidate or interviewer can reproduce a failure.
/// </summary>
public static class CurlCommand
{
    public static string For(string method, string pathAndQuery, IReadOnlyDictionary<string, string> headers, string? body, int localPort)
    {
        var sb = new StringBuilder("curl -i");
        if (method != "GET" || body is not null)
        {
            sb.Append(" -X ").Append(method);
        }

        sb.Append(' ').Append(Quote($"http://localhost:{localPort}{pathAndQuery}"));
        foreach (var (name, value) in headers)
        {
            sb.Append(" -H ").Append(Quote($"{name}: {value}"));
        }

        if (body is not null)
        {
            sb.Append(" --data-raw ").Append(Quote(body));
        }

        return sb.ToString();
    }

    /// <summary>POSIX single-quoting: nothing inside is interpreted by the shell.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";
}
