using System.Net;
using Assessments.Server.Tests.Support;

namespace Assessments.Server.Tests.Security;

/// <summary>The server behind a TLS-terminating proxy on loopback (Kestrel, a real connection): the forwarded scheme counts.</summary>
public sealed class ProxyHeaderTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private PlatformFactory _factory = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(nameof(ProxyHeaderTests));
        _factory = new PlatformFactory(_database);
        _address = _factory.StartOnLoopback();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Behind_a_tls_proxy_the_session_cookie_is_secure_and_the_browsers_https_origin_is_accepted()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _address };
        var browserOrigin = $"https://{_address.Authority}";
        using var request = BrowserLike.Form("/signin", new Dictionary<string, string> { ["token"] = PlatformFactory.AdminToken }, origin: browserOrigin);
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("assess_session=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_the_proxys_header_an_https_origin_is_another_origin_and_refused()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _address };

        using var response = await http.SendAsync(BrowserLike.Form("/signin", new Dictionary<string, string> { ["token"] = PlatformFactory.AdminToken }, origin: $"https://{_address.Authority}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
