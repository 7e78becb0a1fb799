using System.Collections.Concurrent;

namespace Catalog.Service;

public record NewProduct(string? Sku, string? Name, long? PriceCents, int? Stock);

public record Product(long Id, string Sku, string Name, long PriceCents, int Stock);

/// <summary>In-memory products keyed by id; ids grow, so ordering by id is creation order.</summary>
public class ProductStore
{
    private readonly ConcurrentDictionary<long, Product> _products = new();
    private long _lastId;

    public Product Add(NewProduct input)
    {
        var id = Interlocked.Increment(ref _lastId);
        var product = new Product(id, input.Sku!.Trim(), input.Name!.Trim(), input.PriceCents!.Value, input.Stock ?? 0);
        _products[id] = product;
        return product;
    }

    public Product? Get(long id) => _products.TryGetValue(id, out var product) ? product : null;

    public bool Remove(long id) => _products.TryRemove(id, out _);

    public IEnumerable<Product> InOrder() => _products.Values.OrderBy(p => p.Id);
}
