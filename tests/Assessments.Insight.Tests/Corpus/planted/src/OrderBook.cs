using System.Data.Common;
using Microsoft.Extensions.Caching.Memory;

namespace Planted;

public sealed class OrderBook
{
    private readonly List<string> _log = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<string> _safe = [];
    private readonly IMemoryCache _cache;
    private readonly DbConnection _connection;

    public OrderBook(IMemoryCache cache, DbConnection connection)
    {
        _cache = cache;
        _connection = connection;
        _log.Add("created"); // not: unsynchronised-shared-collection
    }

    public string? Find(int id)
    {
        _log.Add($"find {id}"); // planted: unsynchronised-shared-collection
        _cache.Set(id, DateTime.UtcNow); // planted: unbounded-cache
        return null;
    }

    public async Task SaveAsync(string text, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _safe.Add(text); // not: unsynchronised-shared-collection
        }
        finally
        {
            _gate.Release();
        }
    }

    public int CountFor(string customer)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM orders WHERE customer = '" + customer + "'"; // planted: sql-injection
        return (int)command.ExecuteScalar()!;
    }

    public int CountSince(DateTime since)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM orders WHERE created > '{since:O}'"; // planted: sql-injection
        return (int)command.ExecuteScalar()!;
    }

    public int CountAll()
    {
        const string table = "orders";
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}"; // not: sql-injection
        return (int)command.ExecuteScalar()!;
    }

    public async Task<int> CountOpenAsync(CancellationToken cancellationToken)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM orders WHERE open";
        _connection.Open(); // planted: blocking-io-in-async
        var count = await command.ExecuteScalarAsync(cancellationToken);
        return (int)count!;
    }
}
