using System.Security.Claims;
using Assessments.Client;
using Assessments.Server.Auth;
using Assessments.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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
        CreateUserRequest request, ClaimsPrincipal user, UserStore users, CancellationToken cancellationToken)
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
        if (!await users.CreateAsync(id, request.Name.Trim(), request.Role!, token, user, cancellationToken))
        {
            return TypedResults.Conflict(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "A user of that name exists" });
        }

        return TypedResults.Created($"/api/users/{id}", new CreatedUser(id, request.Name.Trim(), request.Role!, token));
    }

    private static async Task<Ok<IReadOnlyList<UserSummary>>> ListAsync(UserStore users, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.ListAsync(cancellationToken));
}
