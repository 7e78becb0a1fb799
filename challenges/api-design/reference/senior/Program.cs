// Reference solution (expected level: senior). Validation with problem+json, cursor pagination with
// price filters, idempotent creation, conditional reads, per-client rate limits, consistent errors,
// its own contract served, and what operators need (Operations.cs): liveness and readiness probes,
// JSON logs, metrics, trace ids and a clean shutdown.
using System.Collections.Concurrent;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
{
    // Requests the framework turns away before a handler runs (a body that is not JSON, a limit that
    // is not a number) still say what was wrong, like every other 400 of this API.
    if (context.ProblemDetails.Status == 400 && context.ProblemDetails is not HttpValidationProblemDetails)
    {
        context.ProblemDetails.Extensions.TryAdd("errors", new Dictionary<string, string[]> { ["request"] = ["the body or a parameter could not be read as the contract describes"] });
    }
});
builder.Services.AddSingleton<Catalog>();
builder.Services.AddClientRateLimits();
builder.AddOperations();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseOperations();
app.UseRateLimiter();

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
app.MapGet("/openapi.json", () => Results.File(Path.Combine(AppContext.BaseDirectory, "openapi.json"), "application/json"));

var products = app.MapGroup("/products");

products.MapPost("/", (ProductInput input, HttpRequest request, Catalog catalog) =>
{
    var errors = input.Validate();
    if (errors.Count > 0)
    {
        return Results.ValidationProblem(errors);
    }

    var key = request.Headers["Idempotency-Key"].ToString();
    if (key.Length > 200)
    {
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["Idempotency-Key"] = ["Idempotency-Key is at most 200 characters"] });
    }

    var outcome = catalog.Create(input, string.IsNullOrEmpty(key) ? null : key);
    return outcome switch
    {
        CreateOutcome.Created created => Results.Created($"/products/{created.Product.Id}", created.Product),
        CreateOutcome.Replayed replayed => Results.Created($"/products/{replayed.Product.Id}", replayed.Product),
        CreateOutcome.KeyReused => Results.Problem(statusCode: 422, title: "Idempotency-Key was already used with a different request"),
        CreateOutcome.DuplicateSku => Results.Problem(statusCode: 409, title: $"A product with SKU '{input.Sku}' already exists"),
        _ => Results.Problem(statusCode: 500),
    };
});

products.MapGet("/{id:long}", (long id, HttpRequest request, HttpResponse response, Catalog catalog) =>
{
    if (catalog.Find(id) is not { } product)
    {
        return Results.Problem(statusCode: 404, title: $"Product {id} does not exist");
    }

    var etag = ETags.Of(product);
    response.Headers.ETag = etag;
    return ETags.Matches(request, etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Ok(product);
});

products.MapGet("/", (int? limit, string? cursor, long? minPriceCents, long? maxPriceCents, Catalog catalog) =>
{
    var size = limit ?? 20;
    if (size is < 1 or > 100)
    {
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["limit must be between 1 and 100"] });
    }

    long after = 0;
    if (cursor is not null && !long.TryParse(cursor, out after))
    {
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = ["cursor is not one this API issued"] });
    }

    if (minPriceCents is < 0 || maxPriceCents is < 0 || minPriceCents > maxPriceCents)
    {
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["minPriceCents"] = ["the price range must be non-negative, with minPriceCents at most maxPriceCents"] });
    }

    var page = catalog.After(after, size + 1, new PriceRange(minPriceCents ?? 0, maxPriceCents ?? long.MaxValue));
    var items = page.Take(size).ToList();
    var next = page.Count > size ? items[^1].Id.ToString() : null;
    return Results.Ok(new ProductPage(items, next));
});

products.MapDelete("/{id:long}", (long id, Catalog catalog) =>
    catalog.Delete(id) ? Results.NoContent() : Results.Problem(statusCode: 404, title: $"Product {id} does not exist"));

app.Run();

record ProductInput(string? Sku, string? Name, long? PriceCents, int? Stock)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Sku) || Sku.Length > 32)
        {
            errors["sku"] = ["sku is required and at most 32 characters"];
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200)
        {
            errors["name"] = ["name is required and at most 200 characters"];
        }

        if (PriceCents is null or < 0)
        {
            errors["priceCents"] = ["priceCents is required and cannot be negative"];
        }

        if (Stock is < 0)
        {
            errors["stock"] = ["stock cannot be negative"];
        }

        return errors;
    }
}

record Product(long Id, string Sku, string Name, long PriceCents, int Stock);

record ProductPage(IReadOnlyList<Product> Items, string? NextCursor);

record PriceRange(long Min, long Max)
{
    public bool Contains(long priceCents) => priceCents >= Min && priceCents <= Max;
}

abstract record CreateOutcome
{
    public sealed record Created(Product Product) : CreateOutcome;
    public sealed record Replayed(Product Product) : CreateOutcome;
    public sealed record KeyReused : CreateOutcome;
    public sealed record DuplicateSku : CreateOutcome;
}

sealed class Catalog
{
    private readonly object _gate = new();
    private readonly SortedDictionary<long, Product> _products = new();
    private readonly Dictionary<string, (ProductInput Input, long Id)> _keys = new();
    private readonly ConcurrentDictionary<string, long> _skus = new();
    private long _nextId;

    public CreateOutcome Create(ProductInput input, string? idempotencyKey)
    {
        lock (_gate)
        {
            if (idempotencyKey is not null && _keys.TryGetValue(idempotencyKey, out var seen))
            {
                return seen.Input == input && _products.TryGetValue(seen.Id, out var original)
                    ? new CreateOutcome.Replayed(original)
                    : new CreateOutcome.KeyReused();
            }

            if (_skus.ContainsKey(input.Sku!))
            {
                return new CreateOutcome.DuplicateSku();
            }

            var product = new Product(++_nextId, input.Sku!, input.Name!, input.PriceCents!.Value, input.Stock ?? 0);
            _products[product.Id] = product;
            _skus[product.Sku] = product.Id;
            if (idempotencyKey is not null)
            {
                _keys[idempotencyKey] = (input, product.Id);
            }

            return new CreateOutcome.Created(product);
        }
    }

    public Product? Find(long id)
    {
        lock (_gate)
        {
            return _products.GetValueOrDefault(id);
        }
    }

    public List<Product> After(long id, int count, PriceRange prices)
    {
        lock (_gate)
        {
            return _products.Values.Where(p => p.Id > id && prices.Contains(p.PriceCents)).Take(count).ToList();
        }
    }

    public bool Delete(long id)
    {
        lock (_gate)
        {
            if (!_products.Remove(id, out var product))
            {
                return false;
            }

            _skus.TryRemove(product.Sku, out _);
            return true;
        }
    }
}
