var app = WebApplication.CreateSlimBuilder(args).Build();
app.MapGet("/health", () => Results.Ok());
app.Run();
