using Assessments.Bench.Load;

// bench serve <port> | closed <url> <copies> <seconds> | open <url> <rate> <seconds> <warmup> | soak <url> <rate> <seconds>
return args switch
{
    ["serve", var port] => await TrivialServer.RunAsync(int.Parse(port), CancellationToken.None),
    ["closed", var url, var copies, var seconds] => await EngineProbe.ClosedAsync(new Uri(url), int.Parse(copies), double.Parse(seconds), CancellationToken.None),
    ["open", var url, var rate, var seconds, var warmup] => await EngineProbe.OpenAsync(new Uri(url), int.Parse(rate), double.Parse(seconds), double.Parse(warmup), CancellationToken.None),
    ["soak", var url, var rate, var seconds] => await SoakProbe.RunAsync(new Uri(url), int.Parse(rate), double.Parse(seconds), CancellationToken.None),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench serve <port> | closed <url> <copies> <seconds> | open <url> <rate> <seconds> <warmup> | soak <url> <rate> <seconds>");
    return 2;
}
