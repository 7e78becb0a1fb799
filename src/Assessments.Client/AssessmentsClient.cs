using System.Net.Http.Headers;
using Refit;

namespace Assessments.Client;

/// <summary>Makes an <see cref="IAssessmentsApi"/> for a server address and a bearer token (a user's or a candidate's).</summary>
public static class AssessmentsClient
{
    public static IAssessmentsApi Create(Uri server, string? token, HttpMessageHandler? handler = null)
    {
        var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        return Create(http, server, token);
    }

    /// <summary>Uses an existing <see cref="HttpClient"/> (a test server's, say); sets its base address and token.</summary>
    public static IAssessmentsApi Create(HttpClient http, Uri server, string? token)
    {
        http.BaseAddress = server;
        // Uploads and gradings of big archives can take a while on a busy server.
        http.Timeout = TimeSpan.FromMinutes(5);
        if (!string.IsNullOrEmpty(token))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return RestService.For<IAssessmentsApi>(http);
    }
}
