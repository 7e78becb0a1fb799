using System.Net;
using Assessments.Server.Pages;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Assessments.Server.Tests.Support;

/// <summary>Requests as a browser sends them to the pages: same-origin forms, the session cookie by hand, redirects not followed.</summary>
public static class BrowserLike
{
    public static HttpClient Client(PlatformFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public static HttpRequestMessage Form(string path, IDictionary<string, string> fields, string? session = null, string origin = "http://localhost")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Origin", origin);
        WithSession(request, session);
        return request;
    }

    public static HttpRequestMessage Get(string path, string? session = null) => WithSession(new HttpRequestMessage(HttpMethod.Get, path), session);

    /// <summary>Signs in on the page with a token; returns the session cookie's value.</summary>
    public static async Task<string> SignInAsync(HttpClient http, string token)
    {
        using var response = await http.SendAsync(Form("/signin", new Dictionary<string, string> { ["token"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return SessionCookie(response) ?? throw new InvalidOperationException("signing in set no session cookie");
    }

    /// <summary>The value the response sets the session cookie to, or null when it sets none.</summary>
    public static string? SessionCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(c => c.StartsWith($"{PageSession.CookieName}=", StringComparison.Ordinal))
                .Select(c => c[(PageSession.CookieName.Length + 1)..].Split(';')[0])
                .FirstOrDefault(v => v.Length > 0)
            : null;

    private static HttpRequestMessage WithSession(HttpRequestMessage request, string? session)
    {
        if (session is not null)
        {
            request.Headers.Add("Cookie", $"{PageSession.CookieName}={session}");
        }

        return request;
    }
}
