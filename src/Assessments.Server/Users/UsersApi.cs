using System.Security.Claims;
using Assessments.Client;
using Assessments.Server.Audit;
using Assessments.Server.Auth;
using Assessments.Server.Hosting;
using Assessments.Platform.Database;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Assessments.Server.Users;

/// <summary>Admins create admins and interviewers; each gets a bearer token shown once.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        group.MapPost("/", CreateAsync).AnswersWithSecret().WithName("CreateUser").WithSummary("Creates an admin or interviewer; the token is shown only in this answer.")
            .WithDescription("Admin only. `role` is admin or interviewer and `name` has 1 to 100 characters (400 otherwise); 409 when the name is taken. The bearer token is in this answer only. Audited.");
        group.MapGet("/", ListAsync).WithName("ListUsers").WithSummary("Every user and their role.")
            .WithDescription("Admin only. Every user's name, role and creation time; tokens are never shown.");
        return app;
    }

    private static async Task<Results<Created<CreatedUser>, ValidationProblem, Conflict<ProblemDetails>>> CreateAsync(
        CreateUserRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > InputLimits.UserNameChars)
        {
            errors["name"] = [$"a name has 1 to {InputLimits.UserNameChars} characters"];
        }

        if (!Roles.IsUserRole(request.Role ?? string.Empty))
        {
            errors["role"] = ["admin or interviewer"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var id = Guid.CreateVersion7();
        var token = Tokens.New();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using var insert = new NpgsqlCommand("insert into users (id, name, role, token_hash) values ($1, $2, $3, $4)", connection, transaction)
                .With(id, request.Name.Trim(), request.Role, Tokens.Hash(token));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.IsUniqueViolation())
        {
            return TypedResults.Conflict(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "A user of that name exists" });
        }

        await AuditLog.WriteAsync(connection, transaction, user, "user.create", "user", id.ToString(), null, new { name = request.Name.Trim(), request.Role }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/users/{id}", new CreatedUser(id, request.Name.Trim(), request.Role!, token));
    }

    private static async Task<Ok<IReadOnlyList<UserSummary>>> ListAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select id, name, role, created_at from users order by created_at");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<UserSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(new UserSummary(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return TypedResults.Ok<IReadOnlyList<UserSummary>>(users);
    }
}
