// Added to api-design's junior reference by CiFormatsTests: code the service never calls, there so that
// code insight has findings for report.sarif.
internal static class Housekeeping
{
    public static async void FlushLater()
    {
        await Task.Delay(10);
    }

    public static void Pause() => Thread.Sleep(50);

    public static string Fetch(Uri address)
    {
        using var client = new HttpClient();
        return client.GetStringAsync(address).Result;
    }

    public static void Quietly(Action action)
    {
        try
        {
            action();
        }
        catch (Exception)
        {
        }
    }
}
