using Tessera.Core.Errors;

namespace Tessera.Reliability.Tests.Infrastructure;

/// <summary>What counts as an acceptable failure of a client call.</summary>
public static class Outcomes
{
    /// <summary>
    /// The typed exceptions a caller can handle: the ApiException family (status, headers, body), the clients'
    /// authentication exceptions, and the transport's own HttpRequestException / TimeoutException for requests that
    /// got no HTTP answer and may not be resent.
    /// </summary>
    public static bool IsTyped(Exception exception) => exception is ApiException
        or Pax8.Pax8AuthenticationException
        or SmartPay.SmartPayAuthenticationException
        or Smartex.Tokens.SmartexNotPairedException
        or HttpRequestException
        or TimeoutException;

    /// <summary>The ApiException family only (an HTTP answer that was not a usable success).</summary>
    public static bool IsApiException(Exception exception) => exception is ApiException
        or Pax8.Pax8AuthenticationException
        or SmartPay.SmartPayAuthenticationException;

    public static string Describe(Exception exception) => exception.GetType().Name + ": " + exception.Message;
}
