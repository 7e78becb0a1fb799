// Reference solution (expected level: not-yet). Someone new to HTTP APIs: it stores and returns
// products, but answers a create with 200 and no Location, has no delete, no validation and no
// error bodies, and its list is every product at once.
using System.Text.Json;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

var products = new List<JsonElement>();

app.MapGet("/health", () => "OK");

app.MapPost("/products", async (HttpContext context) =>
{
    var body = await JsonSerializer.DeserializeAsync<Dictionary<string, object>>(context.Request.Body);
    body!["id"] = products.Count + 1;
    var product = JsonSerializer.SerializeToElement(body);
    products.Add(product);
    return Results.Ok(product);
});

app.MapGet("/products", () => products);

app.MapGet("/products/{id}", (int id) => products[id - 1]);

app.Run();
