using System.Text;
using Assessments.Platform.Database;
using Assessments.Platform.Queue;
using Npgsql;

namespace Assessments.Bench.Queue;

/// <summary>
/// <c>EXPLAIN (ANALYZE, BUFFERS)</c> of the one statement a claim runs, on the full queue, inside a
/// transaction rolled back afterwards: ANALYZE executes it, and the queue must stay as seeded.
/// </summary>
internal static class ClaimPlans
{
    public static async Task<string> ExplainAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.AppendLine("-- claim (with the dead-letter sweep)");
        text.Append(await ExplainAsync(dataSource, GradingQueue.ClaimSql, ["bench-explain", TimeSpan.FromMinutes(5)], cancellationToken));
        return text.ToString();
    }

    /// <summary>Whether every table scan in the plans is an index scan (no Seq Scan on grading_jobs).</summary>
    public static bool UsesIndexes(string plans) =>
        !plans.Contains("Seq Scan on grading_jobs", StringComparison.Ordinal) && plans.Contains("Index", StringComparison.Ordinal);

    private static async Task<string> ExplainAsync(NpgsqlDataSource dataSource, string sql, object?[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"explain (analyze, buffers) {sql}", connection, transaction).With(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var plan = new StringBuilder();
        while (await reader.ReadAsync(cancellationToken))
        {
            plan.Append("   ").AppendLine(reader.GetString(0));
        }

        await reader.DisposeAsync();
        await transaction.RollbackAsync(cancellationToken);
        return plan.ToString();
    }
}
