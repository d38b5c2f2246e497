namespace Tessera.Core.Errors;

/// <summary>
/// No HTTP response: the connection failed, was reset or the name did not resolve (the
/// <see cref="HttpRequestException"/> is the inner exception). <see cref="RequestNotSent"/> says whether the request
/// provably never left the client; otherwise a POST may have been processed.
/// </summary>
public sealed class ApiConnectionException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ApiConnectionException()
        : base("The connection to the API failed.", null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public ApiConnectionException(string message)
        : base(message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ApiConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The call; redacted.</param>
    /// <param name="innerException">The transport's exception.</param>
    public ApiConnectionException(string operation, HttpRequestException innerException)
        : base($"{operation} failed without a response ({innerException?.HttpRequestError ?? HttpRequestError.Unknown}).", innerException)
    {
        HttpRequestError = innerException?.HttpRequestError ?? HttpRequestError.Unknown;
    }

    /// <summary>What kind of transport failure it was.</summary>
    public HttpRequestError HttpRequestError { get; }

    /// <summary>Whether the request provably never reached the server (the connection could not be established).</summary>
    public bool RequestNotSent => HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;

    /// <inheritdoc />
    public override bool IsTransient => true;
}
