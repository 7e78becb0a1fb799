using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assessments.Upstream;

/// <summary>
/// What the candidate's service calls: <c>GET /{resources}/{key}</c> and, when declared,
/// <c>POST /{effects}</c>, each counted, delayed and failed as the faults in force say.
/// </summary>
public static class DataPlane
{
    public static IEndpointRouteBuilder MapDataPlane(this IEndpointRouteBuilder app, UpstreamState state)
    {
        var settings = state.Settings;
        app.MapGet($"/{settings.Resources}/{{key}}", (string key, HttpContext context, CancellationToken cancellationToken) =>
            GetResourceAsync(state, key, context, cancellationToken));
        if (!string.IsNullOrWhiteSpace(settings.Effects))
        {
            app.MapPost($"/{settings.Effects}", (HttpContext context, CancellationToken cancellationToken) =>
                PostEffectAsync(state, context, cancellationToken));
        }

        return app;
    }

    private static async Task<IResult> GetResourceAsync(UpstreamState state, string key, HttpContext context, CancellationToken cancellationToken)
    {
        using var call = state.Begin($"GET /{state.Settings.Resources}/{key}", context.Request.Headers.TraceParent);
        if (state.Faults.Outage)
        {
            state.Judge(key);
            return Failure(Verdict.Outage, key);
        }

        await Task.Delay(state.NextLatency(), cancellationToken);
        var verdict = state.Judge(key);
        if (verdict != Verdict.Served)
        {
            return Failure(verdict, key);
        }

        if (state.Find(key) is not { } resource)
        {
            return TypedResults.Problem($"there is no resource '{key}'", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        context.Response.Headers.ETag = resource.ETag;
        if (context.Request.Headers.IfNoneMatch.Contains(resource.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var body = new JsonObject
        {
            ["key"] = resource.Key,
            ["version"] = resource.Version,
            ["data"] = resource.Data.DeepClone(),
            ["updatedAt"] = resource.UpdatedAt,
        };
        if (state.Settings.PaddingBytes > 0)
        {
            body["padding"] = new string('x', state.Settings.PaddingBytes);
        }

        return TypedResults.Json(body);
    }

    private static async Task<IResult> PostEffectAsync(UpstreamState state, HttpContext context, CancellationToken cancellationToken)
    {
        using var call = state.Begin($"POST /{state.Settings.Effects}", context.Request.Headers.TraceParent);
        if (await ReferenceOfAsync(context.Request, cancellationToken) is not { } reference)
        {
            return TypedResults.Problem("the body must be a JSON object with a string 'reference'", statusCode: StatusCodes.Status400BadRequest, title: "Invalid effect");
        }

        string? idempotencyKey = context.Request.Headers["Idempotency-Key"].FirstOrDefault() is { Length: > 0 } k ? k : null;
        if (state.Faults.Outage)
        {
            return Failure(state.Effect(reference, idempotencyKey, state.Judge(reference)).Verdict, reference);
        }

        // Committed on receipt, answered after the latency, as a real payment provider does: a caller
        // killed while it waits has still been charged, and only an Idempotency-Key on its retry keeps
        // that charge single.
        var result = state.Effect(reference, idempotencyKey, state.Judge(reference));
        await Task.Delay(state.NextLatency(), cancellationToken);
        if (result.Receipt is not { } receipt)
        {
            return Failure(result.Verdict, reference);
        }

        var answer = new { id = receipt.Id, reference = receipt.Reference };
        return result.Replayed ? TypedResults.Ok(answer) : TypedResults.Created($"/{state.Settings.Effects}/{receipt.Id}", answer);
    }

    private static async Task<string?> ReferenceOfAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return body is JsonObject o && o["reference"] is JsonValue v && v.TryGetValue<string>(out var reference) && reference.Length > 0
                ? reference
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Failure(Verdict verdict, string subject) => verdict switch
    {
        Verdict.Outage => TypedResults.Problem("the upstream is in an outage", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Upstream unavailable"),
        Verdict.Poisoned => TypedResults.Problem($"'{subject}' always fails", statusCode: StatusCodes.Status500InternalServerError, title: "Upstream error"),
        _ => TypedResults.Problem($"a transient failure for '{subject}'; try again", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Upstream unavailable"),
    };
}
