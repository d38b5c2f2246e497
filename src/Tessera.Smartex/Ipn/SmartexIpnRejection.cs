namespace Tessera.Smartex.Ipn;

/// <summary>Why an IPN was rejected. <see cref="SmartexIpnRejectedException.StatusCode"/> says what to answer.</summary>
public enum SmartexIpnRejection
{
    /// <summary>The body is not a JSON invoice with a well-formed <c>id</c> (letters and digits). Answer 400.</summary>
    MalformedNotification = 1,

    /// <summary>Smartex does not know the notified invoice id (in this environment). Answer 400.</summary>
    UnknownInvoice = 2,

    /// <summary>
    /// The notification disagrees with the invoice Smartex returns on a field that never changes (price, currency,
    /// order id, posData, url): it is forged, tampered with or from another environment. Answer 400.
    /// </summary>
    InvoiceMismatch = 3,

    /// <summary>The application created no invoice with this id (its lookup returned nothing); Smartex was not contacted. Answer 400.</summary>
    NotCreatedByThisApplication = 4,

    /// <summary>
    /// The invoice Smartex returns disagrees with what the application stored when it created it (price, currency,
    /// order id): never act on it. Answer 400.
    /// </summary>
    RecordMismatch = 5,

    /// <summary>
    /// Only the public view of the invoice could be fetched (no merchant token is paired) and
    /// <see cref="SmartexIpnOptions.AcceptPublicView"/> is off. Pair a merchant token, or opt in knowingly. Answer 503
    /// so Smartex delivers the notification again once the client is set up.
    /// </summary>
    PublicViewOnly = 6,

    /// <summary>
    /// The IPN re-fetch budget (<see cref="SmartexIpnOptions.RefetchesPerMinute"/>) is spent, typically by a flood of
    /// forged notifications; nothing was sent. Answer 503: Smartex delivers the notification again.
    /// </summary>
    Throttled = 7,

    /// <summary>The body is larger than <see cref="SmartexIpnOptions.MaxBodyBytes"/>; it was not read. Answer 413.</summary>
    TooLarge = 8,
}
