using System.Text;
using Generated.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Generated.Smartex.Ipn;

/// <summary>
/// Verifies Smartex instant payment notifications (IPN). IPNs are not signed: anyone can POST to a notificationURL.
/// <see cref="ConfirmAsync(string, CancellationToken)"/> parses the body (the unwrapped invoice), re-fetches the
/// invoice with <c>getInvoice</c> (merchant view when a merchant token is paired, else the public view) and returns
/// the authoritative invoice.
/// </summary>
/// <remarks>
/// <para>Semantics: a malformed body, an unknown invoice id (404 / error envelope from Smartex) or a notification whose
/// immutable fields (price, currency, orderId, posData, url) differ from the re-fetched invoice throw
/// <see cref="SmartexIpnRejectedException"/> - answer 4xx and act on nothing. A different <em>status</em> is not an
/// error (a newer change may have overtaken the IPN): the result carries the authoritative <see cref="SmartexConfirmedInvoice.Status"/>
/// and <see cref="SmartexConfirmedInvoice.StatusChanged"/>. Transport failures (timeouts, 5xx) propagate as they are, so the
/// receiver can answer 5xx and let Smartex retry.</para>
/// </remarks>
public sealed class SmartexIpn
{
    private static readonly JsonSerializerSettings Settings = CreateSettings();
    private readonly ISmartexClient _client;

    /// <summary>Creates the verifier.</summary>
    /// <param name="client">The client used to re-fetch invoices; it must target the environment the IPNs come from.</param>
    public SmartexIpn(ISmartexClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>Parses an IPN body (the invoice object, not wrapped in <c>data</c>) without verifying it.</summary>
    /// <param name="body">The raw request body.</param>
    /// <returns>The notified invoice. Untrusted.</returns>
    /// <exception cref="SmartexIpnRejectedException">The body is not a JSON invoice with an <c>id</c>.</exception>
    public static Invoice Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new SmartexIpnRejectedException(SmartexIpnRejection.MalformedNotification, "The IPN body is empty.", null);
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = 64 };
            if (JToken.ReadFrom(reader) is not JObject root)
            {
                throw new SmartexIpnRejectedException(SmartexIpnRejection.MalformedNotification, "The IPN body is not a JSON object.", null);
            }

            // Tolerate a {"data": {...}} envelope although Smartex sends the invoice unwrapped.
            if (root["id"] is null && root["data"] is JObject data)
            {
                root = data;
            }

            var invoice = root.ToObject<Invoice>(JsonSerializer.Create(Settings));
            if (invoice is null || string.IsNullOrWhiteSpace(invoice.Id))
            {
                throw new SmartexIpnRejectedException(SmartexIpnRejection.MalformedNotification, "The IPN body has no invoice id.", null);
            }

            return invoice;
        }
        catch (JsonException ex)
        {
            throw new SmartexIpnRejectedException(SmartexIpnRejection.MalformedNotification, $"The IPN body is not a valid invoice ({ex.GetType().Name}).", null, innerException: ex);
        }
    }

    /// <summary>Parses the IPN body and confirms it against Smartex (see the class remarks).</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="cancellationToken">Cancels the re-fetch.</param>
    /// <returns>The confirmed invoice.</returns>
    /// <exception cref="SmartexIpnRejectedException">The IPN must not be trusted.</exception>
    public Task<SmartexConfirmedInvoice> ConfirmAsync(string body, CancellationToken cancellationToken = default) =>
        ConfirmAsync(Parse(body), cancellationToken);

    /// <summary>Reads the IPN body from a stream (UTF-8), then confirms it.</summary>
    /// <param name="body">The request body stream.</param>
    /// <param name="cancellationToken">Cancels reading and the re-fetch.</param>
    /// <returns>The confirmed invoice.</returns>
    /// <exception cref="SmartexIpnRejectedException">The IPN must not be trusted.</exception>
    public async Task<SmartexConfirmedInvoice> ConfirmAsync(Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return await ConfirmAsync(text, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Confirms an already parsed notification by re-fetching its invoice.</summary>
    /// <param name="notification">The notified invoice.</param>
    /// <param name="cancellationToken">Cancels the re-fetch.</param>
    /// <returns>The confirmed invoice.</returns>
    /// <exception cref="SmartexIpnRejectedException">The IPN must not be trusted.</exception>
    public async Task<SmartexConfirmedInvoice> ConfirmAsync(Invoice notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (string.IsNullOrWhiteSpace(notification.Id))
        {
            throw new SmartexIpnRejectedException(SmartexIpnRejection.MalformedNotification, "The IPN has no invoice id.", null);
        }

        Invoice invoice;
        try
        {
            var response = await _client.GetInvoiceAsync(notification.Id, cancellationToken).ConfigureAwait(false);
            invoice = response.Data;
        }
        catch (SmartexApiException ex) when (ex.StatusCode is 404 || (ex is SmartexErrorException && !ex.IsTransient))
        {
            throw new SmartexIpnRejectedException(SmartexIpnRejection.UnknownInvoice, $"Smartex does not know the notified invoice (HTTP {ex.StatusCode}); the IPN is forged or from another environment.", notification.Id, innerException: ex);
        }

        if (invoice is null || !string.Equals(invoice.Id, notification.Id, StringComparison.Ordinal))
        {
            throw new SmartexIpnRejectedException(SmartexIpnRejection.UnknownInvoice, "Smartex returned a different invoice than the one notified.", notification.Id, ["id"]);
        }

        var mismatches = FindMismatches(notification, invoice);
        if (mismatches.Count > 0)
        {
            throw new SmartexIpnRejectedException(
                SmartexIpnRejection.InvoiceMismatch,
                $"The IPN disagrees with the invoice Smartex returns on {string.Join(", ", mismatches)}; it is forged, tampered with or from another environment.",
                notification.Id,
                mismatches);
        }

        return new SmartexConfirmedInvoice(invoice, notification);
    }

    private static List<string> FindMismatches(Invoice notified, Invoice actual)
    {
        var mismatches = new List<string>();
        if (notified.Price != actual.Price)
        {
            mismatches.Add("price");
        }

        if (!string.Equals(notified.Currency, actual.Currency, StringComparison.OrdinalIgnoreCase))
        {
            mismatches.Add("currency");
        }

        // The public view may omit the merchant's fields; compare what both sides carry.
        Compare("orderId", notified.OrderId, actual.OrderId);
        Compare("posData", notified.PosData, actual.PosData);
        Compare("url", notified.Url?.AbsoluteUri, actual.Url?.AbsoluteUri);
        return mismatches;

        void Compare(string name, string? left, string? right)
        {
            if (left is not null && right is not null && !string.Equals(left, right, StringComparison.Ordinal))
            {
                mismatches.Add(name);
            }
        }
    }

    private static JsonSerializerSettings CreateSettings()
    {
        var settings = ClientJsonSettings.Create();
        settings.Converters.Add(new SmartexBooleanAsStringConverter());
        return settings;
    }
}
