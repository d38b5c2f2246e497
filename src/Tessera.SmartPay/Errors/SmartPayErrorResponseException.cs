using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Tessera.SmartPay;

/// <summary>
/// SmartPay answered with an <c>errors</c> map: the call failed, even though the HTTP status is usually 200.
/// <see cref="SmartPayApiException.Errors"/> holds every code and message, <see cref="Tessera.Core.Errors.ApiException.Response"/>
/// the raw body, and the message a redacted summary (the server echoes inputs, including the token and the api_key).
/// </summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always created from a response by the client.")]
public sealed class SmartPayErrorResponseException : SmartPayApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The operation that failed, for example <c>createConsumer</c>.</param>
    /// <param name="statusCode">The HTTP status code (usually 200).</param>
    /// <param name="response">The raw response body.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="errors">The <c>errors</c> map, code to message.</param>
    /// <param name="warnings">The <c>warnings</c> map, code to message.</param>
    public SmartPayErrorResponseException(
        string operationId,
        int statusCode,
        string? response,
        IReadOnlyDictionary<string, IEnumerable<string>> headers,
        IReadOnlyDictionary<string, string> errors,
        IReadOnlyDictionary<string, string> warnings)
        : base(BuildMessage(operationId, errors), statusCode, response, headers, null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(warnings);
        OperationId = operationId;
        Errors = errors;
        Warnings = warnings;
    }

    /// <summary>The operation that failed, for example <c>createConsumer</c>.</summary>
    public string OperationId { get; }

    private static string BuildMessage(string operationId, IReadOnlyDictionary<string, string> errors)
    {
        // ApiException redacts the message with the shared redactor (api_key and tokens are registered there).
        var summary = errors is null || errors.Count == 0 ? "an empty errors member" : SmartPayErrorMaps.Describe(errors);
        return string.Create(CultureInfo.InvariantCulture, $"SmartPay rejected {operationId}: {summary}");
    }
}
