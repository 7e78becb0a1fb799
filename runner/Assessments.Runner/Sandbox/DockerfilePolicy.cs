using System.Text.RegularExpressions;
using Assessments.Submissions.Sandbox;

namespace Assessments.Runner.Sandbox;

/// <summary>
/// Reads a submission's Dockerfile before anything is built and refuses what would reach outside the
/// sandbox or the platform's control: base images not on the allow-list (they would be pulled),
/// <c>ADD</c> of a URL (it would be fetched), remote build front-ends (<c># syntax=</c>) and
/// BuildKit-only flags such as <c>RUN --network</c> or <c>--mount</c>.
/// </summary>
public sealed partial class DockerfilePolicy(IReadOnlyCollection<string> allowedBaseImages)
{
    public static DockerfilePolicy Default { get; } = new(SandboxLimits.DefaultBaseImages);

    [GeneratedRegex(@"\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}?")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^(?:[a-z][a-z0-9+.-]*://|git@)", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteSource();

    /// <summary>Returns the first violation (with its line), or null when the Dockerfile may be built.</summary>
    public PolicyViolation? Check(string dockerfile) => Read(dockerfile).Violation;

    /// <summary>
    /// The first violation, and the allowed images the Dockerfile builds on (FROM and COPY --from, not
    /// its own stages): what a built image depends on besides the submission's files.
    /// </summary>
    public (PolicyViolation? Violation, IReadOnlyList<string> BaseImages) Read(string dockerfile)
    {
        var named = new SortedSet<string>(StringComparer.Ordinal);
        return (Walk(dockerfile, named), named.ToList());
    }

    private PolicyViolation? Walk(string dockerfile, ISet<string> named)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        var stages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sawFrom = false;
        foreach (var instruction in DockerfileReader.Instructions(dockerfile))
        {
            if (instruction.Keyword == "#SYNTAX")
            {
                return new(instruction.Line, "a remote build front-end (# syntax=) is not allowed");
            }

            // Exec form (ADD ["https://…", "/x"]) is JSON: its brackets, quotes and commas are not part of the words.
            var words = instruction.Arguments.Select(w => w.Trim('[', ']', ',', '"', '\'')).Where(w => w.Length > 0).ToList();
            var flags = words.TakeWhile(w => w.StartsWith("--", StringComparison.Ordinal)).ToList();
            var operands = words.Skip(flags.Count).ToList();
            switch (instruction.Keyword)
            {
                case "ARG" when !sawFrom:
                    foreach (var declaration in operands)
                    {
                        var parts = declaration.Split('=', 2);
                        args[parts[0]] = parts.Length == 2 ? parts[1].Trim('"') : string.Empty;
                    }

                    break;
                case "FROM":
                    sawFrom = true;
                    if (operands.Count == 0)
                    {
                        return new(instruction.Line, "FROM names no image");
                    }

                    var image = Substitute(operands[0], args);
                    if (image is null)
                    {
                        return new(instruction.Line, $"FROM {operands[0]} uses a build argument without a default");
                    }

                    if (!stages.Contains(image) && !IsAllowed(image))
                    {
                        return new(instruction.Line, $"FROM {image} is not an allowed base image (allowed: {string.Join(", ", allowedBaseImages)})");
                    }

                    if (!stages.Contains(image) && image != "scratch")
                    {
                        named.Add(Normalised(image));
                    }

                    if (operands.Count >= 3 && operands[1].Equals("AS", StringComparison.OrdinalIgnoreCase))
                    {
                        stages.Add(operands[2]);
                    }

                    break;
                case "ADD" when operands.Any(o => RemoteSource().IsMatch(o)):
                    return new(instruction.Line, $"ADD of a URL is not allowed ({operands.First(o => RemoteSource().IsMatch(o))}): copy the file into the submission");
                case "COPY" or "ADD" when flags.FirstOrDefault(f => f.StartsWith("--from=", StringComparison.OrdinalIgnoreCase)) is { } from:
                    var source = from["--from=".Length..];
                    if (!stages.Contains(source) && !int.TryParse(source, out _) && !IsAllowed(source))
                    {
                        return new(instruction.Line, $"COPY --from={source} names an image that is not allowed");
                    }

                    if (!stages.Contains(source) && !int.TryParse(source, out _))
                    {
                        named.Add(Normalised(source));
                    }

                    break;
                case "RUN" when flags.Count > 0:
                    return new(instruction.Line, $"RUN {flags[0]} is not allowed (the build has no network and no mounts)");
            }
        }

        return sawFrom ? null : new PolicyViolation(0, "the Dockerfile has no FROM instruction");
    }

    private bool IsAllowed(string image) => allowedBaseImages.Contains(Normalised(image), StringComparer.OrdinalIgnoreCase);

    private static string Normalised(string image) =>
        image.Contains(':', StringComparison.Ordinal) || image.Contains('@', StringComparison.Ordinal) || image == "scratch"
            ? image.ToLowerInvariant()
            : image.ToLowerInvariant() + ":latest";

    /// <summary>Fills ARG defaults into an image reference; null when a variable has no value.</summary>
    private static string? Substitute(string text, Dictionary<string, string> args)
    {
        var unresolved = false;
        var result = Variable().Replace(text, m =>
        {
            if (args.TryGetValue(m.Groups[1].Value, out var value) && value.Length > 0)
            {
                return value;
            }

            if (m.Groups[2].Success)
            {
                return m.Groups[2].Value;
            }

            unresolved = true;
            return string.Empty;
        });
        return unresolved ? null : result;
    }
}

/// <summary>Why a Dockerfile may not be built; <see cref="Line"/> is 1-based (0: the file as a whole).</summary>
public sealed record PolicyViolation(int Line, string Reason)
{
    public override string ToString() => Line > 0 ? $"Dockerfile line {Line}: {Reason}" : $"Dockerfile: {Reason}";
}
