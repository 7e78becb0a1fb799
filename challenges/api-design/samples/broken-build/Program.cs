// Sample submission: does not compile (a type error). Expected outcome: build_failed, with the
// compiler's error in the evidence.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

int port = "8080";

app.MapGet("/health", () => Results.Ok());
app.Run();
