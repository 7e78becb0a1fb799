using System.Text.Json;
using System.Text.Json.Serialization;
using YamlDotNet.Core;

namespace Assessments.Domain.Challenges.Loading;

/// <summary>Reads one YAML file of a challenge into its document shape, turning every failure into a problem.</summary>
internal static class DocumentReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        // A misspelt key would otherwise be silently ignored and the author would never know.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static T? Read<T>(string directory, string file, ProblemList problems)
        where T : class
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            problems.Add(file, string.Empty, "file is missing");
            return null;
        }

        try
        {
            var node = YamlJson.Parse(File.ReadAllText(path));
            if (node is null)
            {
                problems.Add(file, string.Empty, "file is empty");
                return null;
            }

            return node.Deserialize<T>(Options);
        }
        catch (YamlException e)
        {
            problems.Add(file, $"line {e.Start.Line}, column {e.Start.Column}", e.Message);
        }
        catch (JsonException e)
        {
            problems.Add(file, e.Path ?? string.Empty, Clean(e.Message));
        }

        return null;
    }

    // System.Text.Json appends its own path and position; the problem already says where.
    private static string Clean(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
