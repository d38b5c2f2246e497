namespace Tessera.SmartPay;

/// <summary>
/// The <c>warnings</c> map of one SmartPay response, handed to <see cref="SmartPayClientOptions.OnWarnings"/>.
/// Warnings never fail a call (for example <c>3841</c> "No page number specified, so defaulted to 1" or
/// <c>6445</c> "API version deprecated"); they are also logged at Warning and stay on the response's
/// <see cref="Envelope.Warnings"/>.
/// </summary>
public sealed class SmartPayWarnings
{
    /// <summary>Creates the notice.</summary>
    /// <param name="operationId">The operation that answered, for example <c>getConsumers</c>.</param>
    /// <param name="warnings">The warnings, code to message (messages are redacted of known secrets).</param>
    public SmartPayWarnings(string operationId, IReadOnlyDictionary<string, string> warnings)
    {
        ArgumentNullException.ThrowIfNull(operationId);
        ArgumentNullException.ThrowIfNull(warnings);
        OperationId = operationId;
        Warnings = warnings;
    }

    /// <summary>The operation that answered, for example <c>getConsumers</c>.</summary>
    public string OperationId { get; }

    /// <summary>The warnings, code to message.</summary>
    public IReadOnlyDictionary<string, string> Warnings { get; }
}
