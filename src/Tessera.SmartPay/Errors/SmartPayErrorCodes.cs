namespace Tessera.SmartPay;

/// <summary>
/// The SmartPay error and warning codes found in any version of the documentation (spec <c>ErrorMap</c>, reference
/// §1.15). SmartPay renumbered its codes several times and the current list is not public, so these are
/// informative only: never treat codes as a closed set, and show the messages.
/// </summary>
public static class SmartPayErrorCodes
{
    /// <summary><c>1001</c> Invalid key (v1.2 and the seed).</summary>
    public const string InvalidKey = "1001";

    /// <summary><c>4830</c> Invalid key (2018 list).</summary>
    public const string InvalidKey2018 = "4830";

    /// <summary><c>0001</c> Incorrect key (earliest v1.0 drafts).</summary>
    public const string IncorrectKeyDraft = "0001";

    /// <summary><c>789</c> Incorrect key (the README's illustrative sample).</summary>
    public const string IncorrectKeySample = "789";

    /// <summary><c>2546</c> Invalid token (2018 list).</summary>
    public const string InvalidToken = "2546";

    /// <summary><c>5783</c> Expired token; please reauthenticate using your API key (2018 list).</summary>
    public const string ExpiredToken = "5783";

    /// <summary><c>0002</c> Incorrect token (earliest v1.0 drafts).</summary>
    public const string IncorrectTokenDraft = "0002";

    /// <summary><c>0003</c> Expired token, please reauthenticate (earliest v1.0 drafts).</summary>
    public const string ExpiredTokenDraft = "0003";

    /// <summary><c>4347</c> Invalid endpoint.</summary>
    public const string InvalidEndpoint = "4347";

    /// <summary><c>8344</c> Invalid ID.</summary>
    public const string InvalidId = "8344";

    /// <summary><c>8752</c> The version of the API is now retired.</summary>
    public const string VersionRetired = "8752";

    /// <summary><c>5074</c> Daily query cap exceeded.</summary>
    public const string DailyQueryCapExceeded = "5074";

    /// <summary><c>7389</c> A mandatory input parameter wasn't found or was invalid.</summary>
    public const string InvalidInput = "7389";

    /// <summary><c>4654</c> Unable to create consumer because email address already exists.</summary>
    public const string EmailAlreadyExists = "4654";

    /// <summary><c>8924</c> Unable to create consumer because email address is invalid.</summary>
    public const string EmailInvalid = "8924";

    /// <summary><c>1754</c> Unable to delete consumer because orders for this consumer already exist.</summary>
    public const string ConsumerHasOrders = "1754";

    /// <summary><c>9782</c> Unable to modify or cancel order because order has already been cancelled.</summary>
    public const string OrderAlreadyCancelled = "9782";

    /// <summary><c>7643</c> Unable to cancel invoice because invoice has already been cancelled.</summary>
    public const string InvoiceAlreadyCancelled = "7643";

    /// <summary><c>6859</c> It's not you, it's us; something apparently went wrong on our end.</summary>
    public const string ServerError = "6859";

    /// <summary>Warning <c>6445</c>: API version deprecated and approaching retirement.</summary>
    public const string DeprecatedVersionWarning = "6445";

    /// <summary>Warning <c>6577</c>: daily query cap imminent.</summary>
    public const string DailyQueryCapImminentWarning = "6577";

    /// <summary>Warning <c>9011</c>: no output format specified, so defaulted to JSON.</summary>
    public const string NoFormatWarning = "9011";

    /// <summary>Warning <c>3841</c>: no page number specified, so defaulted to 1.</summary>
    public const string NoPageWarning = "3841";

    /// <summary>Warning <c>2201</c>: an input parameter is invalid, and was therefore ignored.</summary>
    public const string InputIgnoredWarning = "2201";

    /// <summary>
    /// The error codes that mean the session token was rejected (invalid or expired) in any documented numbering:
    /// <c>2546</c>, <c>5783</c>, <c>0002</c> and <c>0003</c>. The client also treats any error whose message
    /// mentions the token as a token error (the 2019 codes are unknown).
    /// </summary>
    public static IReadOnlyCollection<string> TokenErrorCodes { get; } = [InvalidToken, ExpiredToken, IncorrectTokenDraft, ExpiredTokenDraft];

    /// <summary>The error codes that mean the api_key was rejected: <c>1001</c>, <c>4830</c>, <c>0001</c> and <c>789</c>.</summary>
    public static IReadOnlyCollection<string> InvalidKeyCodes { get; } = [InvalidKey, InvalidKey2018, IncorrectKeyDraft, IncorrectKeySample];

    /// <summary>
    /// Whether an <c>errors</c> map says the session token was rejected: a code of <see cref="TokenErrorCodes"/>,
    /// or any message that mentions the token. The client then re-authenticates once and replays the request.
    /// </summary>
    /// <param name="errors">The errors, code to message.</param>
    /// <returns><see langword="true"/> for a token error.</returns>
    public static bool IsTokenError(IReadOnlyDictionary<string, string> errors)
    {
        // A word of SmartPay's error messages ("Your session TOKEN has expired"), not an operation or a path.
        const string TokenWord = "token";

        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (code, message) in errors)
        {
            if (TokenErrorCodes.Contains(code.Trim()) || (message?.Contains(TokenWord, StringComparison.OrdinalIgnoreCase) ?? false))
            {
                return true;
            }
        }

        return false;
    }
}
