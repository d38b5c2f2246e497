namespace Tessera.SmartPay;

/// <content>
/// SmartPay's error envelope on every API exception: the codes and messages of the body's <c>errors</c> map
/// (and <c>warnings</c>), whatever the HTTP status. SmartPay normally reports errors with HTTP 200; those arrive
/// as <see cref="SmartPayErrorResponseException"/>, a subclass.
/// </content>
public partial class SmartPayApiException
{
    private IReadOnlyDictionary<string, string>? _errors;
    private IReadOnlyDictionary<string, string>? _warnings;

    /// <summary>
    /// Every error code and message of the response's <c>errors</c> map (code to message; codes are open strings such
    /// as <c>1001</c> or <c>0002</c>, see <see cref="SmartPayErrorCodes"/>). Empty when the body has no such map.
    /// Messages are SmartPay's text and may echo request inputs: do not log them unredacted.
    /// </summary>
    public IReadOnlyDictionary<string, string> Errors
    {
        get => _errors ??= SmartPayErrorMaps.ReadMember(Response, "errors");
        private protected set => _errors = value;
    }

    /// <summary>The response's <c>warnings</c> map (code to message); empty when there is none.</summary>
    public IReadOnlyDictionary<string, string> Warnings
    {
        get => _warnings ??= SmartPayErrorMaps.ReadMember(Response, "warnings");
        private protected set => _warnings = value;
    }

    /// <summary>Whether <see cref="Errors"/> contains <paramref name="code"/> (exact, ordinal: <c>0002</c> is not <c>2</c>).</summary>
    /// <param name="code">An error code, for example <see cref="SmartPayErrorCodes.EmailAlreadyExists"/>.</param>
    /// <returns><see langword="true"/> when the code is present.</returns>
    public bool HasCode(string code) => code is not null && Errors.ContainsKey(code);

    /// <summary>
    /// Whether SmartPay rejected the session token (a code of <see cref="SmartPayErrorCodes.TokenErrorCodes"/>, a
    /// message mentioning the token, or HTTP 401). The client already re-authenticated and replayed the request once
    /// before this reached the caller.
    /// </summary>
    public bool IsTokenError => StatusCode == 401 || SmartPayErrorCodes.IsTokenError(Errors);
}
