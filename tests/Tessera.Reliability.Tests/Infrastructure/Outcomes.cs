using Tessera.Core.Errors;

namespace Tessera.Reliability.Tests.Infrastructure;

/// <summary>What counts as an acceptable failure of a client call.</summary>
public static class Outcomes
{
    /// <summary>
    /// The one exception family a caller handles: <see cref="ApiException"/> and its documented subclasses (the HTTP
    /// failures with status, headers and body; timeouts, connection failures, an open circuit, the rate limit, an
    /// unreadable body; the clients' authentication and pairing failures). Nothing else may escape a call.
    /// </summary>
    public static bool IsTyped(Exception exception) => exception is ApiException;

    /// <summary>An answer that was not a usable success (not a failure to get one: transport, timeout, circuit, rate limit).</summary>
    public static bool IsApiException(Exception exception) => exception is ApiException
        and not (ApiConnectionException or ApiTimeoutException or ApiCircuitOpenException or RateLimitExceededException or ResendRefusedException);

    public static string Describe(Exception exception) => exception.GetType().Name + ": " + exception.Message;
}
