using System.Text.Json;

namespace PriceLookup.Upstream;

/// <summary>
/// One price exactly as the upstream sent it (the brief asks for its record unchanged), kept as UTF-8
/// so that a cache hit is a copy of bytes and the cache can count what it holds.
/// </summary>
public sealed record PriceRecord(string Sku, long Version, byte[] Body)
{
    /// <exception cref="JsonException">The body is not a JSON object.</exception>
    public static PriceRecord Parse(string sku, byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("the upstream's record is not a JSON object");
        }

        var version = document.RootElement.TryGetProperty("version", out var v) && v.TryGetInt64(out var n) ? n : 0;
        return new PriceRecord(sku, version, body);
    }
}
