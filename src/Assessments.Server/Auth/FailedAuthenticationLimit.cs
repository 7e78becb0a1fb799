using System.Globalization;
using System.Threading.RateLimiting;
using Assessments.Server.Pages;
using Microsoft.AspNetCore.Mvc;

namespace Assessments.Server.Auth;

/// <summary>
/// The ASP.NET Core rate limiter, applied to every request that presents credentials (a bearer token,
/// the session cookie, a sign-in, an invitation link), partitioned by client address. Its permits are
/// not spent by requests: only failures spend them (<see cref="FailedAuthentications"/>), so a client
/// that signs in correctly is never slowed down, and one that guesses is stopped after a few tries.
/// </summary>
public static class FailedAuthenticationLimit
{
    public static IServiceCollection AddFailedAuthenticationLimit(this IServiceCollection services)
    {
        services.AddSingleton<FailedAuthentications>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (!PresentsCredentials(http.Request))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var address = FailedAuthentications.AddressOf(http.Connection.RemoteIpAddress);
                var failures = http.RequestServices.GetRequiredService<FailedAuthentications>();
                return RateLimitPartition.Get(address, key => new FailureAllowance(failures, key));
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await response.WriteAsJsonAsync(
                    new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many failed sign-in attempts",
                        Detail = $"Too many failed authentications from your address; try again in {seconds} s.",
                    },
                    options: null,
                    contentType: "application/problem+json",
                    cancellationToken);
            };
        });
        return services;
    }

    private static bool PresentsCredentials(HttpRequest request) =>
        request.Headers.ContainsKey("Authorization")
        || request.Cookies.ContainsKey(PageSession.CookieName)
        || request.Path.StartsWithSegments("/invite")
        || (request.Path.StartsWithSegments("/signin") && HttpMethods.IsPost(request.Method));

    /// <summary>One address's view of the failure counter: a permit while it may still try; spends nothing.</summary>
    private sealed class FailureAllowance(FailedAuthentications failures, string address) : RateLimiter
    {
        private long _lastUsed = Environment.TickCount64;

        public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUsed));

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);
            return failures.Check(address);
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(permitCount));
    }
}
