using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Assessments.Upstream;

/// <summary>
/// What only the runner calls, on its own port and behind a per-grading token, so that a candidate's
/// service cannot reset the counters it is judged by.
/// </summary>
public static class ControlPlane
{
    public const string TokenHeader = "X-Control-Token";

    public static WebApplication MapControlPlane(this WebApplication app, UpstreamState state, string token)
    {
        var expected = Encoding.UTF8.GetBytes(token);
        app.Use(async (context, next) =>
        {
            var given = Encoding.UTF8.GetBytes(context.Request.Headers[TokenHeader].ToString());
            if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(given, expected))
            {
                await TypedResults.Problem("a valid X-Control-Token is required", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized")
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        });

        var control = app.MapGroup("/control");
        control.MapGet("/health", () => TypedResults.Ok(new { status = "ready" }));
        control.MapPost("/reset", () =>
        {
            state.Reset();
            return TypedResults.NoContent();
        });
        control.MapPut("/faults", (FaultChange change) => TypedResults.Ok(state.ChangeFaults(change)));
        control.MapPut("/resources/{key}", (string key, JsonObject data) =>
        {
            var resource = state.Set(key, data);
            return TypedResults.Ok(new { key = resource.Key, version = resource.Version, updatedAt = resource.UpdatedAt });
        });
        control.MapGet("/stats", () => TypedResults.Ok(state.Stats()));
        return app;
    }
}
