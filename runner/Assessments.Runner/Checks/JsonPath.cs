using System.Text.Json.Nodes;

namespace Assessments.Runner.Checks;

/// <summary>
/// The small JSON path subset scenarios use: <c>$</c>, <c>.name</c>, <c>['name']</c> and <c>[index]</c>
/// (negative indexes count from the end).
/// </summary>
public static class JsonPath
{
    /// <summary>Finds the node at the path; <paramref name="found"/> distinguishes a JSON null from a missing member.</summary>
    public static JsonNode? Select(JsonNode? root, string path, out bool found)
    {
        found = false;
        if (!path.StartsWith('$'))
        {
            return null;
        }

        var current = root;
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }

                if (current is not JsonObject obj || !obj.TryGetPropertyValue(path[(i + 1)..end], out current))
                {
                    return null;
                }

                i = end;
            }
            else if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0)
                {
                    return null;
                }

                var inside = path[(i + 1)..close];
                if (inside.Length >= 2 && inside[0] is '\'' or '"')
                {
                    if (current is not JsonObject obj || !obj.TryGetPropertyValue(inside[1..^1], out current))
                    {
                        return null;
                    }
                }
                else if (int.TryParse(inside, out var index) && current is JsonArray array)
                {
                    index = index < 0 ? array.Count + index : index;
                    if (index < 0 || index >= array.Count)
                    {
                        return null;
                    }

                    current = array[index];
                }
                else
                {
                    return null;
                }

                i = close + 1;
            }
            else
            {
                return null;
            }
        }

        found = true;
        return current;
    }
}
