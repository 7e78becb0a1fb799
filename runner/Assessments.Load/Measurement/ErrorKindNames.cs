namespace Assessments.Load.Measurement;

public static class ErrorKindNames
{
    private static readonly string[] Names = Enum.GetValues<ErrorKind>().Select(ToSnakeCase).ToArray();

    public static string Name(this ErrorKind kind) => Names[(int)kind];

    public static int Count => Names.Length;

    private static string ToSnakeCase(ErrorKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
