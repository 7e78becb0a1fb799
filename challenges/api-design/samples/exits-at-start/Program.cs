// Sample submission: builds, but gives up at start-up because a setting it insists on is missing.
// Expected outcome: start_failed, with exit code 3 and its last log lines in the evidence.
var connection = Environment.GetEnvironmentVariable("CATALOG_DATABASE_URL");
if (string.IsNullOrEmpty(connection))
{
    Console.Error.WriteLine("fatal: CATALOG_DATABASE_URL is not set; refusing to start");
    return 3;
}

var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/health", () => Results.Ok());
app.Run();
return 0;
