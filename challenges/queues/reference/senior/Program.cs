// Reference solution (expected level: senior). Jobs are journalled with fsync before the 202, carried
// out by a bounded pool of workers with backed-off retries and dead letters, paid exactly once through
// a stable Idempotency-Key, and the service sheds load, shuts down cleanly and can be observed.
using PaymentJobs.Jobs;
using PaymentJobs.Operations;
using PaymentJobs.Processing;
using PaymentJobs.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddStructuredLogging();
builder.Services.AddApiErrors();
builder.Services.AddJobStorage(builder.Configuration);
builder.Services.AddJobProcessing(builder.Configuration);
builder.Services.AddServiceMetrics();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseServiceMetrics();

app.MapHealth();
app.MapJobs();
app.MapMetrics();

// The journal is replayed before the first request is served: readiness means "every accepted job is known".
await app.Services.GetRequiredService<JobStore>().OpenAsync(app.Lifetime.ApplicationStopping);
await app.RunAsync();
