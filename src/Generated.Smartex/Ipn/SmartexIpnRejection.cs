namespace Generated.Smartex.Ipn;

/// <summary>Why an IPN was rejected.</summary>
public enum SmartexIpnRejection
{
    /// <summary>The body is not a JSON invoice with an <c>id</c>.</summary>
    MalformedNotification = 1,

    /// <summary>Smartex does not know the notified invoice id (in this environment).</summary>
    UnknownInvoice = 2,

    /// <summary>
    /// The notification disagrees with the invoice Smartex returns on a field that never changes (price, currency,
    /// order id, posData, url): it is forged, tampered with or from another environment.
    /// </summary>
    InvoiceMismatch = 3,
}
