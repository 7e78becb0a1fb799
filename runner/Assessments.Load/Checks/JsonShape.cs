using System.Text.Json;

namespace Assessments.Load.Checks;

/// <summary>
/// A small structural schema: the properties a JSON object must have and their kinds. Enough to
/// catch a service that answers fast with the wrong thing under load, without a schema library
/// on the hot path.
/// </summary>
public sealed record JsonShape(IReadOnlyDictionary<string, JsonValueKind> RequiredProperties)
{
    public bool Matches(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var (name, kind) in RequiredProperties)
            {
                if (!document.RootElement.TryGetProperty(name, out var value) || !KindMatches(value.ValueKind, kind))
                {
                    return false;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // JSON has one boolean kind; System.Text.Json splits it in two.
    private static bool KindMatches(JsonValueKind actual, JsonValueKind expected) =>
        actual == expected || (expected is JsonValueKind.True or JsonValueKind.False && actual is JsonValueKind.True or JsonValueKind.False);
}
