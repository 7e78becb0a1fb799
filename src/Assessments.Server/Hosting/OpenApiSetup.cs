using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Assessments.Server.Hosting;

/// <summary>The OpenAPI document at /openapi/v1.json (committed as openapi.json) and the Scalar reference at /scalar.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Assessments platform API",
                Version = "v1",
                Description = "Invitations, uploads, the grading queue, reports and calibration. Send `Authorization: Bearer <token>`: a user's token (admin, interviewer) or a candidate's invite token.",
                Contact = new OpenApiContact { Name = "Assessments", Url = new Uri("https://example.invalid/assessments") },
                License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://example.invalid/assessments/license") },
            };
            document.Servers = [new OpenApiServer { Url = "http://localhost:8080", Description = "A local server" }];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                ["bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "A user's token or a candidate's invite token." },
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
            return Task.CompletedTask;
        }));

    public static WebApplication MapPlatformOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }
}
