using System.Text.Json;
using Assessments.Platform.Database;
using Npgsql;

namespace Assessments.Server.Pages;

/// <summary>One graded submission of a challenge, as the calibration dashboard needs it.</summary>
/// <param name="Reviewed">An interviewer looked at it: set a level or left a note.</param>
public sealed record GradedSubmission(
    Guid Id,
    string Kind,
    Guid? CalibrationRun,
    string? Reference,
    string? ExpectedLevel,
    string Status,
    string Level,
    int Score,
    string? OverrideLevel,
    bool Reviewed,
    string RubricVersion,
    DateTimeOffset GradedAt);

/// <summary>A rubric version as seen in reports: when it graded, how often, and its criteria with their points.</summary>
public sealed record RubricVersionSeen(string Version, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, int Reports, IReadOnlyDictionary<string, int> CriterionPoints);

/// <summary>Reads what the calibration dashboard shows from the reports stored for one challenge.</summary>
public static class CalibrationData
{
    public static async Task<IReadOnlyList<GradedSubmission>> GradedAsync(NpgsqlDataSource dataSource, string challengeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select s.id, s.kind, s.calibration_run_id, s.reference_name, s.expected_level, r.status, r.level, r.score, s.override_level,
                   s.override_level is not null or exists (select 1 from notes n where n.submission_id = s.id),
                   coalesce(r.report->>'rubricVersion', '?'), r.created_at
              from submissions s join reports r on r.submission_id = s.id
             where s.challenge_id = $1
             order by r.created_at
            """).With(challengeId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<GradedSubmission>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new GradedSubmission(
                reader.GetGuid(0), reader.GetString(1), reader.NullableField<Guid?>(2), reader.NullableField<string>(3), reader.NullableField<string>(4),
                reader.GetString(5), reader.GetString(6), reader.GetInt32(7), reader.NullableField<string>(8), reader.GetBoolean(9), reader.GetString(10),
                reader.GetFieldValue<DateTimeOffset>(11)));
        }

        return rows;
    }

    public static async Task<IReadOnlyList<RubricVersionSeen>> RubricVersionsAsync(NpgsqlDataSource dataSource, string challengeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select coalesce(r.report->>'rubricVersion', '?') as version, min(r.created_at), max(r.created_at), count(*)::int,
                   (array_agg(r.report->'criteria' order by r.created_at desc))[1]::text
              from submissions s join reports r on r.submission_id = s.id
             where s.challenge_id = $1
             group by 1
             order by 2
            """).With(challengeId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<RubricVersionSeen>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new RubricVersionSeen(
                reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt32(3),
                CriterionPoints(reader.NullableField<string>(4))));
        }

        return versions;
    }

    private static Dictionary<string, int> CriterionPoints(string? criteriaJson)
    {
        var points = new Dictionary<string, int>(StringComparer.Ordinal);
        if (criteriaJson is null)
        {
            return points;
        }

        using var document = JsonDocument.Parse(criteriaJson);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return points;
        }

        foreach (var criterion in document.RootElement.EnumerateArray())
        {
            if (criterion.TryGetProperty("id", out var id) && criterion.TryGetProperty("maxPoints", out var max) && max.TryGetInt32(out var value))
            {
                points[id.GetString() ?? "?"] = value;
            }
        }

        return points;
    }
}
