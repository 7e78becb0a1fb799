using System.Text.RegularExpressions;

namespace PriceLookup.Prices;

public static partial class SkuRules
{
    public const string Description = "a SKU is 1 to 64 letters, digits, '-' or '_'";

    public static bool IsValid(string? sku) => sku is not null && Pattern().IsMatch(sku);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Pattern();
}
