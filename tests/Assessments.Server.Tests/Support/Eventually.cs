namespace Assessments.Server.Tests.Support;

/// <summary>Polls until a condition holds, with a deadline, so tests wait for asynchronous work explicitly.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what}: not done within {timeout.TotalSeconds:0} s (last value: {value})");
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(250));
        }
    }
}
