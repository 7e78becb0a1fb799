using System.Text;

namespace Catalog.Service;

public static class ProductEndpoints
{
    public static void MapProductEndpoints(this WebApplication app)
    {
        app.MapPost("/products", Create);
        app.MapGet("/products", List);
        app.MapGet("/products/{id:long}", Get);
        app.MapDelete("/products/{id:long}", Delete);
    }

    private static IResult Create(NewProduct input, ProductStore store)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Sku) || input.Sku.Length > 32)
        {
            errors["sku"] = ["Required, up to 32 characters."];
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200)
        {
            errors["name"] = ["Required, up to 200 characters."];
        }

        if (input.PriceCents is null || input.PriceCents < 0)
        {
            errors["priceCents"] = ["Required and must not be negative."];
        }

        if (input.Stock < 0)
        {
            errors["stock"] = ["Must not be negative."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var product = store.Add(input);
        return Results.Created($"/products/{product.Id}", product);
    }

    // The cursor is the offset of the next page, base64-encoded so clients treat it as opaque.
    private static IResult List(ProductStore store, int limit = 20, string? cursor = null, long? minPriceCents = null, long? maxPriceCents = null)
    {
        if (limit < 1 || limit > 100)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["Must be between 1 and 100."] });
        }

        var offset = 0;
        if (cursor != null)
        {
            try
            {
                offset = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)));
            }
            catch (FormatException)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = ["Not a valid cursor."] });
            }
        }

        var matching = store.InOrder()
            .Where(p => minPriceCents == null || p.PriceCents >= minPriceCents)
            .Where(p => maxPriceCents == null || p.PriceCents <= maxPriceCents)
            .ToList();
        var items = matching.Skip(offset).Take(limit).ToList();
        string? next = offset + items.Count < matching.Count
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes((offset + items.Count).ToString()))
            : null;
        return Results.Ok(new { items, nextCursor = next });
    }

    private static IResult Get(long id, ProductStore store) =>
        store.Get(id) is Product product
            ? Results.Ok(product)
            : Results.Problem(title: "Product not found", detail: $"There is no product {id}.", statusCode: 404);

    private static IResult Delete(long id, ProductStore store) =>
        store.Remove(id)
            ? Results.NoContent()
            : Results.Problem(title: "Product not found", detail: $"There is no product {id}.", statusCode: 404);
}
