using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Smartex;

/// <summary>
/// Raised by the signature gate, request parsers and handlers to end a request with the spec's <c>ErrorResponse</c>
/// (<c>{"error": "…"}</c>, the string form every token-API client reads); the error middleware writes it.
/// </summary>
internal sealed class SmartexErrorException : Exception
{
    public SmartexErrorException(int status, string message)
        : base(message) => Status = status;

    public SmartexErrorException()
        : this(500, "Internal Server Error")
    {
    }

    public SmartexErrorException(string message)
        : this(500, message)
    {
    }

    public SmartexErrorException(string message, Exception innerException)
        : base(message, innerException) => Status = 500;

    public int Status { get; }
}

/// <summary>
/// The error statuses, as specs/smartex.yaml declares them: 400 invalid fields or an invalid signature (BitPay's
/// "Invalid signature"), 401 a missing signature or a token that is missing, unknown or not paired with the signing
/// identity, 403 a token whose facade does not allow the operation or that is not approved yet, 404 no such resource.
/// </summary>
internal static class SmartexErrors
{
    public static SmartexErrorException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static SmartexErrorException Unauthorized(string message) => new(StatusCodes.Status401Unauthorized, message);

    public static SmartexErrorException Forbidden(string message) => new(StatusCodes.Status403Forbidden, message);

    public static SmartexErrorException NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public static SmartexErrorException Conflict(string message) => new(StatusCodes.Status409Conflict, message);

    public static Task WriteAsync(HttpContext context, int status, string message) =>
        SmartexJson.WriteAsync(context, status, new JsonObject { ["error"] = message });
}
