namespace Assessments.Load.Statistics;

/// <summary>Groups responses by the first digit of their status; <c>none</c> is a request that got no response.</summary>
public static class StatusClass
{
    public const int Count = 6;

    private static readonly string[] Names = ["none", "1xx", "2xx", "3xx", "4xx", "5xx"];

    public static int IndexOf(int statusCode) => statusCode is >= 100 and < 600 ? statusCode / 100 : 0;

    public static string Name(int index) => Names[index];
}
