using Npgsql;

namespace Assessments.Platform.Database;

/// <summary>Small helpers for parameterised SQL with positional parameters (<c>$1, $2…</c>).</summary>
public static class Sql
{
    public const string ConnectionStringName = "Assessments";

    /// <summary>Adds positional parameters; nulls become database nulls.</summary>
    public static NpgsqlCommand With(this NpgsqlCommand command, params object?[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    public static T? NullableField<T>(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? default : reader.GetFieldValue<T>(ordinal);

    public static bool IsUniqueViolation(this PostgresException e) => e.SqlState == PostgresErrorCodes.UniqueViolation;
}
