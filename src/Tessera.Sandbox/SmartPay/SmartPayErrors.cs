namespace Tessera.Sandbox.SmartPay;

/// <summary>
/// The error and warning codes the sandbox answers with, and their messages, as listed on <c>ErrorMap</c> in
/// specs/smartpay.yaml: <c>1001</c> (the 2019 "Invalid key") and the last inline 2018 list, which v1.2 inherits.
/// </summary>
internal static class SmartPayErrors
{
    public const string InvalidKey = "1001";
    public const string InvalidEndpoint = "4347";
    public const string InvalidToken = "2546";
    public const string InvalidId = "8344";
    public const string ExpiredToken = "5783";
    public const string VersionRetired = "8752";
    public const string MandatoryInput = "7389";
    public const string EmailExists = "4654";
    public const string EmailInvalid = "8924";
    public const string ConsumerHasOrders = "1754";
    public const string OrderCancelled = "9782";
    public const string InvoiceCancelled = "7643";
    public const string Internal = "6859";

    /// <summary>Warning: an input was not understood and was ignored.</summary>
    public const string InputIgnored = "2201";

    public static string Message(string code) => code switch
    {
        InvalidKey => "Invalid key",
        InvalidEndpoint => "Invalid endpoint",
        InvalidToken => "Invalid token",
        InvalidId => "Invalid ID",
        ExpiredToken => "Expired token; please reauthenticate using your API key",
        VersionRetired => "The version of the API is now retired; please update your queries to resume accessing the API.",
        MandatoryInput => "A mandatory input parameter wasn't found or was invalid.",
        EmailExists => "Unable to create consumer because email address already exists.",
        EmailInvalid => "Unable to create consumer because email address is invalid.",
        ConsumerHasOrders => "Unable to delete consumer because orders for this consumer already exist. If this is a dummy consumer, all associated data will eventually be automatically deleted.",
        OrderCancelled => "Unable to modify or cancel order because order has already been cancelled.",
        InvoiceCancelled => "Unable to cancel invoice because invoice has already been cancelled.",
        Internal => "It's not you, it's us; something apparently went wrong on our end.",
        InputIgnored => "An input parameter is invalid, and was therefore ignored",
        _ => "Error",
    };
}

/// <summary>
/// A rejected call: the codes of its <c>errors</c> map and, per offending input, a reason (written as the extra
/// <c>fields</c> member the Cevnn client reads; <c>ErrorResponse</c> tolerates it).
/// </summary>
internal sealed class SmartPayProblemException : Exception
{
    public SmartPayProblemException(IReadOnlyList<string> codes, IReadOnlyDictionary<string, string> fields)
        : base(string.Join(", ", codes))
    {
        Codes = codes;
        Fields = fields;
    }

    public SmartPayProblemException()
        : this([SmartPayErrors.Internal], new Dictionary<string, string>())
    {
    }

    public SmartPayProblemException(string message)
        : base(message)
    {
        Codes = [SmartPayErrors.Internal];
        Fields = new Dictionary<string, string>();
    }

    public SmartPayProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Codes = [SmartPayErrors.Internal];
        Fields = new Dictionary<string, string>();
    }

    public IReadOnlyList<string> Codes { get; }

    public IReadOnlyDictionary<string, string> Fields { get; }

    public static SmartPayProblemException Of(string code, string? field = null, string? reason = null) =>
        new([code], field is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [field] = reason ?? SmartPayErrors.Message(code) });
}

/// <summary>Collects every problem of a request, so one answer names all of them.</summary>
internal sealed class SmartPayValidation
{
    private readonly List<string> codes = [];
    private readonly Dictionary<string, string> fields = new(StringComparer.Ordinal);

    public bool HasProblems => codes.Count > 0;

    public void Add(string code, string field, string reason)
    {
        if (!codes.Contains(code))
        {
            codes.Add(code);
        }

        fields.TryAdd(field, reason);
    }

    public void Missing(string field) => Add(SmartPayErrors.MandatoryInput, field, "Required.");

    public void Invalid(string field, string reason) => Add(SmartPayErrors.MandatoryInput, field, reason);

    public void ThrowIfAny()
    {
        if (HasProblems)
        {
            throw new SmartPayProblemException(codes, fields);
        }
    }
}
