// Reference solution (expected level: junior). It works on the happy path: create, read, list and
// delete, but trusts its input, answers errors without a problem body, returns every product at
// once and creates a new product on every retry.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

var products = new Dictionary<int, Product>();
var nextId = 1;

app.MapGet("/health", () => "ok");

app.MapPost("/products", (Product input) =>
{
    lock (products)
    {
        var product = input with { Id = nextId++ };
        products[product.Id] = product;
        return Results.Created($"/products/{product.Id}", product);
    }
});

app.MapGet("/products", () =>
{
    lock (products)
    {
        return Results.Ok(products.Values.ToList());
    }
});

app.MapGet("/products/{id}", (int id) =>
{
    lock (products)
    {
        return products.TryGetValue(id, out var product) ? Results.Ok(product) : Results.NotFound();
    }
});

app.MapDelete("/products/{id}", (int id) =>
{
    lock (products)
    {
        return products.Remove(id) ? Results.NoContent() : Results.NotFound();
    }
});

app.Run();

record Product(int Id, string Sku, string Name, int PriceCents, int Stock);
