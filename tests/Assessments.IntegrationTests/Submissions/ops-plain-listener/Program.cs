// A service written without any host: a bare HttpListener loop with plain-text logs. Nothing handles
// SIGTERM, so the signal kills the process (exit code 143) — what the graceful-shutdown check exists to catch.
using System.Net;

var listener = new HttpListener();
listener.Prefixes.Add($"http://+:{Environment.GetEnvironmentVariable("PORT") ?? "8080"}/");
listener.Start();
Console.WriteLine("listening");
while (true)
{
    var context = await listener.GetContextAsync();
    var path = context.Request.Url!.AbsolutePath;
    Console.WriteLine($"{context.Request.HttpMethod} {path}");
    context.Response.StatusCode = path == "/health" ? 200 : 404;
    context.Response.Close();
}
