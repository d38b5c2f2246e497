using System.Buffers;
using System.Text;
using Tessera.Core.Resilience;
using Tessera.Core.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Tessera.Smartex.Ipn;

/// <summary>
/// Confirms Smartex instant payment notifications (IPN). IPNs are not signed: anyone can POST one to a
/// notificationURL, so nothing in the body is believed. A notification is confirmed only when
/// <list type="number">
/// <item>its id is a well-formed Smartex id (ASCII letters and digits; Base58 in practice) and the body is within <see cref="SmartexIpnOptions.MaxBodyBytes"/>;</item>
/// <item>the application created that invoice (the <see cref="SmartexInvoiceLookup"/> returns its stored
/// <see cref="SmartexInvoiceRecord"/>); unknown ids are rejected without contacting Smartex;</item>
/// <item>the invoice re-fetched from Smartex (merchant view; the public view only with
/// <see cref="SmartexIpnOptions.AcceptPublicView"/>) matches the stored record (id, price, currency, order id) and the
/// notification's fixed fields.</item>
/// </list>
/// The result's <see cref="SmartexConfirmedInvoice.Record"/> (the application's own data) says which order it is;
/// the notification's order id is never handed back as trusted.
/// </summary>
/// <remarks>
/// Re-fetches are charged to a budget of their own (<see cref="SmartexIpnOptions.RefetchesPerMinute"/>, no queue) and
/// never to the client's shared rate limit, so a flood of forged notifications cannot delay the application's calls;
/// re-fetches of one id within <see cref="SmartexIpnOptions.CoalesceWindow"/> share one request. Transport failures
/// (timeouts, 5xx) propagate as they are, so the receiver can answer 5xx and let Smartex retry.
/// </remarks>
public sealed class SmartexIpn
{
    // BitPay-style ids are 22 Base58 characters. Any ASCII letter or digit is accepted (the reference's own signing
    // vectors use AbCdEfGhIjKlMnOpQrStUv, which is not Base58); nothing else, so an id can never change the request
    // path ('/', '.', '%', '?', '#') or smuggle anything into it.
    private const int MaxIdLength = 64;
    private static readonly SearchValues<char> IdCharacters = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    private static readonly JsonSerializerSettings Settings = CreateSettings();

    private readonly SmartexClient _client;
    private readonly SmartexIpnRefetcher _refetcher;

    /// <summary>Creates the confirmer.</summary>
    /// <param name="client">
    /// A client built by <see cref="SmartexClient.Create"/> or <c>AddSmartexClient</c> (its options'
    /// <see cref="SmartexClientOptions.Ipn"/> apply); it must target the environment the IPNs come from.
    /// </param>
    /// <exception cref="InvalidOperationException">The client was constructed directly from an <see cref="HttpClient"/>.</exception>
    public SmartexIpn(SmartexClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _refetcher = client.Runtime.IpnRefetcher;
    }

    /// <summary>Parses an IPN body (the invoice object, not wrapped in <c>data</c>) without verifying it.</summary>
    /// <param name="body">The raw request body.</param>
    /// <returns>The notified invoice. Untrusted.</returns>
    /// <exception cref="SmartexIpnRejectedException">The body is not a JSON invoice with a well-formed <c>id</c>.</exception>
    public static SmartexInvoice Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new SmartexIpnRejectedException(SmartexIpnRejection.MalformedNotification, "The IPN body is empty.", null);
        }

        SmartexInvoice? invoice;
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

            invoice = root.ToObject<SmartexInvoice>(JsonSerializer.Create(Settings));
        }
        catch (JsonException ex)
        {
            throw new SmartexIpnRejectedException(SmartexIpnRejection.MalformedNotification, $"The IPN body is not a valid invoice ({ex.GetType().Name}).", null, innerException: ex);
        }

        if (invoice is null || !IsWellFormedId(invoice.Id))
        {
            throw new SmartexIpnRejectedException(SmartexIpnRejection.MalformedNotification, "The IPN body has no well-formed invoice id (letters and digits, at most 64).", null);
        }

        return invoice;
    }

    /// <summary>Whether <paramref name="id"/> looks like a Smartex invoice id: 1 to 64 ASCII letters or digits (Base58 in practice).</summary>
    /// <param name="id">A candidate id.</param>
    /// <returns><see langword="true"/> when it may be sent to Smartex as a path segment.</returns>
    public static bool IsWellFormedId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && !id.AsSpan().ContainsAnyExcept(IdCharacters);

    /// <summary>Reads the IPN body from a stream (UTF-8, at most <see cref="SmartexIpnOptions.MaxBodyBytes"/>), then confirms it.</summary>
    /// <param name="body">The request body stream.</param>
    /// <param name="findInvoice">Finds what the application stored when it created the notified invoice.</param>
    /// <param name="cancellationToken">Cancels reading and the re-fetch.</param>
    /// <returns>The confirmed invoice.</returns>
    /// <exception cref="SmartexIpnRejectedException">The IPN must not be trusted; <see cref="SmartexIpnRejectedException.StatusCode"/> says what to answer.</exception>
    public async Task<SmartexConfirmedInvoice> ConfirmAsync(Stream body, SmartexInvoiceLookup findInvoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = await ReadBoundedAsync(body, _refetcher.Options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        return await ConfirmAsync(text, findInvoice, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parses the IPN body and confirms it (see the class summary).</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="findInvoice">Finds what the application stored when it created the notified invoice.</param>
    /// <param name="cancellationToken">Cancels the re-fetch.</param>
    /// <returns>The confirmed invoice.</returns>
    /// <exception cref="SmartexIpnRejectedException">The IPN must not be trusted; <see cref="SmartexIpnRejectedException.StatusCode"/> says what to answer.</exception>
    public Task<SmartexConfirmedInvoice> ConfirmAsync(string body, SmartexInvoiceLookup findInvoice, CancellationToken cancellationToken = default)
    {
        if (body is not null && (body.Length > _refetcher.Options.MaxBodyBytes || Encoding.UTF8.GetByteCount(body) > _refetcher.Options.MaxBodyBytes))
        {
            throw new SmartexIpnRejectedException(SmartexIpnRejection.TooLarge, $"The IPN body exceeds {_refetcher.Options.MaxBodyBytes} bytes (Smartex:Ipn:MaxBodyBytes).", null);
        }

        return ConfirmAsync(Parse(body!), findInvoice, cancellationToken);
    }

    /// <summary>Confirms an already parsed notification (see the class summary).</summary>
    /// <param name="notification">The notified invoice.</param>
    /// <param name="findInvoice">Finds what the application stored when it created the notified invoice.</param>
    /// <param name="cancellationToken">Cancels the re-fetch.</param>
    /// <returns>The confirmed invoice.</returns>
    /// <exception cref="SmartexIpnRejectedException">The IPN must not be trusted; <see cref="SmartexIpnRejectedException.StatusCode"/> says what to answer.</exception>
    public async Task<SmartexConfirmedInvoice> ConfirmAsync(SmartexInvoice notification, SmartexInvoiceLookup findInvoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(findInvoice);
        if (!IsWellFormedId(notification.Id))
        {
            throw new SmartexIpnRejectedException(SmartexIpnRejection.MalformedNotification, "The IPN has no well-formed invoice id (letters and digits, at most 64).", null);
        }

        var record = await findInvoice(notification.Id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            throw new SmartexIpnRejectedException(SmartexIpnRejection.NotCreatedByThisApplication, "The application created no invoice with the notified id; the IPN is forged or belongs to another shop. Smartex was not contacted.", notification.Id);
        }

        if (!string.Equals(record.InvoiceId, notification.Id, StringComparison.Ordinal))
        {
            throw new SmartexIpnRejectedException(SmartexIpnRejection.RecordMismatch, "The lookup returned the record of a different invoice than the one notified.", notification.Id, ["id"]);
        }

        InvoiceResponse response;
        try
        {
            response = await _refetcher.RefetchAsync(notification.Id, () => _client.GetInvoiceAsync(notification.Id, cancellationToken)).ConfigureAwait(false);
        }
        catch (Tessera.Core.Errors.RateLimitExceededException ex)
        {
            throw new SmartexIpnRejectedException(SmartexIpnRejection.Throttled, $"The IPN re-fetch budget ({_refetcher.Options.RefetchesPerMinute} a minute, Smartex:Ipn:RefetchesPerMinute) is spent; nothing was sent. Answer 503 so Smartex delivers the notification again.", notification.Id, innerException: ex);
        }
        catch (SmartexApiException ex) when (ex.StatusCode is 404 || (ex is SmartexErrorException && !ex.IsTransient))
        {
            throw new SmartexIpnRejectedException(SmartexIpnRejection.UnknownInvoice, $"Smartex does not know the notified invoice (HTTP {ex.StatusCode}); the IPN is forged or from another environment.", notification.Id, innerException: ex);
        }

        var invoice = response.Data;
        if (invoice is null || !string.Equals(invoice.Id, notification.Id, StringComparison.Ordinal))
        {
            throw new SmartexIpnRejectedException(SmartexIpnRejection.UnknownInvoice, "Smartex returned a different invoice than the one notified.", notification.Id, ["id"]);
        }

        var publicView = IsPublicView(response);
        if (publicView && !_refetcher.Options.AcceptPublicView)
        {
            throw new SmartexIpnRejectedException(
                SmartexIpnRejection.PublicViewOnly,
                "Only the public view of the invoice is available (no merchant token is paired), which carries no order id; pair a merchant token, or set Smartex:Ipn:AcceptPublicView after reading docs/security.md.",
                notification.Id);
        }

        var recordMismatches = FindRecordMismatches(record, invoice, publicView);
        if (recordMismatches.Count > 0)
        {
            throw new SmartexIpnRejectedException(
                SmartexIpnRejection.RecordMismatch,
                $"The invoice Smartex returns disagrees with what the application stored at creation on {string.Join(", ", recordMismatches)}; do not act on it.",
                notification.Id,
                recordMismatches);
        }

        var mismatches = FindNotificationMismatches(notification, invoice);
        if (mismatches.Count > 0)
        {
            throw new SmartexIpnRejectedException(
                SmartexIpnRejection.InvoiceMismatch,
                $"The IPN disagrees with the invoice Smartex returns on {string.Join(", ", mismatches)}; it is forged, tampered with or from another environment.",
                notification.Id,
                mismatches);
        }

        return new SmartexConfirmedInvoice(invoice, record, notification, publicView);
    }

    // The envelope names the view that answered; without it, a response lacking every merchant field is the public one.
    private bool IsPublicView(InvoiceResponse response) =>
        response.Facade is { } facade
            ? facade.StartsWith("public", StringComparison.OrdinalIgnoreCase)
            : _client.Runtime.TokenStore.Get("merchant") is null;

    private static List<string> FindRecordMismatches(SmartexInvoiceRecord record, SmartexInvoice actual, bool publicView)
    {
        var mismatches = new List<string>();
        if (record.Price != actual.Price)
        {
            mismatches.Add("price");
        }

        if (!string.Equals(record.Currency, actual.Currency, StringComparison.OrdinalIgnoreCase))
        {
            mismatches.Add("currency");
        }

        // The merchant view carries the order id; it must be the one the application sent. The public view has none.
        if (!publicView && record.OrderId is not null && !string.Equals(record.OrderId, actual.OrderId, StringComparison.Ordinal))
        {
            mismatches.Add("orderId");
        }

        return mismatches;
    }

    private static List<string> FindNotificationMismatches(SmartexInvoice notified, SmartexInvoice actual)
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

    private static async Task<string> ReadBoundedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, 16 * 1024));
        try
        {
            using var collected = new MemoryStream();
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (collected.Length + read > maxBytes)
                {
                    throw new SmartexIpnRejectedException(SmartexIpnRejection.TooLarge, $"The IPN body exceeds {maxBytes} bytes (Smartex:Ipn:MaxBodyBytes); the rest was not read.", null);
                }

                collected.Write(buffer, 0, read);
            }

            try
            {
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(collected.GetBuffer(), 0, (int)collected.Length);
            }
            catch (DecoderFallbackException ex)
            {
                throw new SmartexIpnRejectedException(SmartexIpnRejection.MalformedNotification, "The IPN body is not UTF-8 text.", null, innerException: ex);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static JsonSerializerSettings CreateSettings()
    {
        var settings = ClientJsonSettings.Create();
        settings.Converters.Add(new SmartexBooleanAsStringConverter());
        return settings;
    }
}
