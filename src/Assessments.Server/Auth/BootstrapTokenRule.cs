namespace Assessments.Server.Auth;

/// <summary>
/// The bootstrap admin token opens the whole platform, so a guessable one is refused at start-up:
/// at least 32 characters that look random (no placeholder words, no repeated pattern, enough variety
/// per character). <c>openssl rand -base64 32</c> makes a fitting one.
/// </summary>
public static class BootstrapTokenRule
{
    public const int MinLength = 32;

    // Estimated from character frequencies; 32 random hex digits score about 115, a base64 token over 200.
    private const double MinEstimatedBits = 100;

    private static readonly string[] PlaceholderWords = ["change", "passw", "secret", "admin", "token", "example", "default", "letmein", "qwerty"];

    /// <summary>Why the token is too weak, or null when it will do. Never quotes the token.</summary>
    public static string? Problem(string token)
    {
        if (token.Length < MinLength)
        {
            return $"it has {token.Length} characters, fewer than {MinLength}";
        }

        if (token.Any(char.IsWhiteSpace) || token.Any(char.IsControl))
        {
            return "it contains spaces or control characters";
        }

        if (PlaceholderWords.FirstOrDefault(w => token.Contains(w, StringComparison.OrdinalIgnoreCase)) is { } word)
        {
            return $"it contains the word '{word}', so it looks like a placeholder rather than a random secret";
        }

        if (HasPeriod(token))
        {
            return "it repeats a pattern";
        }

        var bits = EstimatedBits(token);
        return bits < MinEstimatedBits ? $"it is too regular to be a random secret (about {bits:F0} bits, at least {MinEstimatedBits:F0} needed)" : null;
    }

    /// <summary>Length times the Shannon entropy of the token's own character frequencies.</summary>
    private static double EstimatedBits(string token)
    {
        var perChar = token.GroupBy(c => c)
            .Select(g => (double)g.Count() / token.Length)
            .Sum(p => -p * Math.Log2(p));
        return perChar * token.Length;
    }

    private static bool HasPeriod(string token)
    {
        for (var period = 1; period <= token.Length / 2; period++)
        {
            var repeats = true;
            for (var i = period; i < token.Length && repeats; i++)
            {
                repeats = token[i] == token[i - period];
            }

            if (repeats)
            {
                return true;
            }
        }

        return false;
    }
}
