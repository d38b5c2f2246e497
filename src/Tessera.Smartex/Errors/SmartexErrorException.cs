using System.Globalization;

namespace Tessera.Smartex;

/// <summary>
/// Smartex answered with an error envelope: <c>{"error": "…"}</c>, <c>{"error": {"type", "message", "messages"}}</c>
/// and/or a non-empty <c>{"errors": […]}</c>, whatever the HTTP status, including a 200 that carries one (spec decisions
/// S1/S13: sma and PHP treat such a 200 as a failure).
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> is redacted (registered tokens, pairing codes and sensitive fields are replaced);
/// <see cref="Tessera.Core.Errors.ApiException.Response"/> keeps the raw body and must not be logged.
/// </remarks>
public sealed class SmartexErrorException : SmartexApiException<SmartexErrorResponse>
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status code (200 for an error envelope in a success response).</param>
    /// <param name="response">The raw body.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="result">The parsed envelope.</param>
    public SmartexErrorException(int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, SmartexErrorResponse result)
        : this(SmartexErrorEnvelope.Describe(result), statusCode, response, headers, result)
    {
    }

    private SmartexErrorException(SmartexErrorEnvelope.Details details, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, SmartexErrorResponse result)
        : base(BuildMessage(details, statusCode), statusCode, response, headers, result, null)
    {
        ErrorType = details.Type;
        ErrorMessage = details.Message;
        FieldMessages = details.FieldMessages;
        Messages = details.Messages;
    }

    /// <summary>The error category of the object form (<c>error.type</c>, e.g. <c>validationError</c>), if any.</summary>
    public string? ErrorType { get; }

    /// <summary>The main message: the string form of <c>error</c>, <c>error.message</c>, or the first of <c>errors</c>.</summary>
    public string ErrorMessage { get; }

    /// <summary>Per-field messages of the object form (<c>error.messages</c>).</summary>
    public IReadOnlyDictionary<string, string> FieldMessages { get; }

    /// <summary>Every message: <see cref="ErrorMessage"/>, then <c>field: message</c> per field, then the <c>errors</c> items.</summary>
    public IReadOnlyList<string> Messages { get; }

    private static string BuildMessage(SmartexErrorEnvelope.Details details, int statusCode) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Smartex {(statusCode is >= 200 and < 300 ? "returned an error envelope in a successful response" : "rejected the request")}: {(details.Type is null ? string.Empty : details.Type + ": ")}{details.Message}");
}
