using System.Text.Json;
using System.Text.Json.Serialization;
using YamlDotNet.Core;

namespace Assessments.Domain.Challenges.Loading;

/// <summary>Reads one YAML file of a challenge into its document shape, turning every failure into a problem.</summary>
internal static partial class DocumentReader
{
    [System.Text.RegularExpressions.GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial System.Text.RegularExpressions.Regex UnknownKey();

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        // A misspelt key would otherwise be silently ignored and the author would never know.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new ScalarTextConverter() },
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

    // System.Text.Json names .NET types and appends its own position; authors need the YAML words.
    private static string Clean(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        if (UnknownKey().Match(text) is { Success: true } unknown)
        {
            // An unknown step kind or a misspelt key: name the key, not the .NET type it missed.
            return $"'{unknown.Groups[1].Value}' is not a known key here";
        }

        if (!text.Contains("could not be converted to", StringComparison.Ordinal))
        {
            return text;
        }

        var expected = text switch
        {
            _ when text.Contains("Int32", StringComparison.Ordinal) => "a whole number",
            _ when text.Contains("Boolean", StringComparison.Ordinal) => "true or false",
            _ when text.Contains("List`1", StringComparison.Ordinal) => "a list",
            _ when text.Contains("Dictionary`2", StringComparison.Ordinal) || text.Contains("Document", StringComparison.Ordinal) => "a mapping",
            _ => "a different kind of value",
        };
        return $"has the wrong type: expected {expected}";
    }
}
