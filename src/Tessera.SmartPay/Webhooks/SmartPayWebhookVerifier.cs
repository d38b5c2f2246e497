using System.Security.Cryptography;
using System.Text;
using Tessera.Core.Diagnostics;
using Newtonsoft.Json;

namespace Tessera.SmartPay;

/// <summary>
/// Verifies and reads SmartPay webhook notifications: <c>X-SmartPay-Hmac-Sha256</c> must be the base64 of the
/// HMAC-SHA256 of the <b>raw body bytes</b> (before any parsing), keyed with the UTF-8 bytes of the webhook key
/// (the api_key by default; spec A22), compared in constant time. Thread-safe; keep one instance.
/// </summary>
public sealed class SmartPayWebhookVerifier
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-SmartPay-Hmac-Sha256";

    /// <summary>The topic header.</summary>
    public const string TopicHeader = "X-SmartPay-Topic";

    private const int MacLength = 32;

    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a verifier.</summary>
    /// <param name="key">The webhook key (by default the merchant's api_key). Secret.</param>
    /// <param name="timeProvider">Stamps <see cref="SmartPayWebhookNotification.ReceivedAt"/>; the system clock by default.</param>
    public SmartPayWebhookVerifier(string key, TimeProvider? timeProvider = null)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new Tessera.Core.Clients.ClientConfigurationException("SmartPay", "A webhook key is required to verify SmartPay notifications (SmartPay:WebhookKey, or SmartPay:ApiKey by default).");
        }

        _key = Encoding.UTF8.GetBytes(key);
        _timeProvider = timeProvider ?? TimeProvider.System;
        SecretRedactor.Shared.AddSecret(key);
    }

    /// <summary>Creates a verifier keyed with <see cref="SmartPayClientOptions.GetEffectiveWebhookKey"/>.</summary>
    /// <param name="options">The client options.</param>
    /// <returns>The verifier.</returns>
    /// <exception cref="Tessera.Core.Clients.ClientConfigurationException">Neither WebhookKey nor ApiKey is set.</exception>
    public static SmartPayWebhookVerifier FromOptions(SmartPayClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SmartPayWebhookVerifier(options.GetEffectiveWebhookKey() ?? string.Empty, options.TimeProvider);
    }

    /// <summary>Computes the signature SmartPay sends for <paramref name="rawBody"/>: base64(HMAC-SHA256(key, body)).</summary>
    /// <param name="rawBody">The body bytes.</param>
    /// <param name="key">The webhook key.</param>
    /// <returns>44 base64 characters.</returns>
    public static string ComputeSignature(ReadOnlySpan<byte> rawBody, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), rawBody));
    }

    /// <summary>Whether <paramref name="signature"/> is the signature of <paramref name="rawBody"/>, compared in constant time.</summary>
    /// <param name="rawBody">The body bytes exactly as received.</param>
    /// <param name="signature">The <c>X-SmartPay-Hmac-Sha256</c> header value.</param>
    /// <returns><see langword="true"/> when the signature matches.</returns>
    public bool IsValidSignature(ReadOnlySpan<byte> rawBody, string? signature)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        HMACSHA256.HashData(_key, rawBody, expected);
        return MatchesSignature(expected, signature);
    }

    private static bool MatchesSignature(ReadOnlySpan<byte> expected, string? signature)
    {
        if (string.IsNullOrWhiteSpace(signature) || expected.Length != MacLength)
        {
            return false;
        }

        Span<byte> received = stackalloc byte[MacLength + 3];
        if (!Convert.TryFromBase64String(signature.Trim(), received, out var written) || written != MacLength)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, received[..MacLength]);
    }

    /// <summary>A fresh HMAC-SHA256 keyed like this verifier, to feed the body while it is read (see <see cref="Verify(ReadOnlySpan{byte}, ReadOnlySpan{byte}, string?, string?)"/>).</summary>
    /// <returns>The incremental HMAC; dispose it.</returns>
    public IncrementalHash CreateMac() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);

    /// <summary>Verifies the signature, then reads the notification.</summary>
    /// <param name="rawBody">The body bytes exactly as received.</param>
    /// <param name="signature">The <c>X-SmartPay-Hmac-Sha256</c> header value.</param>
    /// <param name="topic">The <c>X-SmartPay-Topic</c> header value (not covered by the signature).</param>
    /// <returns>The notification.</returns>
    /// <exception cref="SmartPayWebhookSignatureException">The signature is missing or wrong.</exception>
    /// <exception cref="SmartPayWebhookPayloadException">The signed body is not a JSON object.</exception>
    public SmartPayWebhookNotification Verify(ReadOnlySpan<byte> rawBody, string? signature, string? topic)
    {
        Span<byte> mac = stackalloc byte[MacLength];
        HMACSHA256.HashData(_key, rawBody, mac);
        return Verify(rawBody, mac, signature, topic);
    }

    /// <summary>
    /// Verifies the signature against a MAC computed while the body was read (<see cref="CreateMac"/>), then reads the
    /// notification: the body is not hashed a second time.
    /// </summary>
    /// <param name="rawBody">The body bytes exactly as received.</param>
    /// <param name="computedMac">HMAC-SHA256 of <paramref name="rawBody"/> with this verifier's key.</param>
    /// <param name="signature">The <c>X-SmartPay-Hmac-Sha256</c> header value.</param>
    /// <param name="topic">The <c>X-SmartPay-Topic</c> header value (not covered by the signature).</param>
    /// <returns>The notification.</returns>
    /// <exception cref="SmartPayWebhookSignatureException">The signature is missing or wrong.</exception>
    /// <exception cref="SmartPayWebhookPayloadException">The signed body is not a JSON object.</exception>
    public SmartPayWebhookNotification Verify(ReadOnlySpan<byte> rawBody, ReadOnlySpan<byte> computedMac, string? signature, string? topic)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            throw new SmartPayWebhookSignatureException($"The SmartPay webhook notification has no {SignatureHeader} header.");
        }

        if (!MatchesSignature(computedMac, signature))
        {
            throw new SmartPayWebhookSignatureException($"The {SignatureHeader} signature does not match the notification body (wrong key, or the body was altered).");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(rawBody);
        }
        catch (DecoderFallbackException exception)
        {
            throw new SmartPayWebhookPayloadException("The SmartPay webhook body is not UTF-8 text.", exception);
        }

        return new SmartPayWebhookNotification(topic?.Trim() ?? string.Empty, Parse(text), text, _timeProvider.GetUtcNow());
    }

    private static WebhookNotification Parse(string text)
    {
        if (SmartPayErrorMaps.TryParseObject(text) is null)
        {
            throw new SmartPayWebhookPayloadException();
        }

        try
        {
            return JsonConvert.DeserializeObject<WebhookNotification>(text, SmartPayClient.SerializerSettings)
                ?? throw new SmartPayWebhookPayloadException();
        }
        catch (JsonException exception)
        {
            // The parser's message may quote payload values; it stays on the inner exception.
            throw new SmartPayWebhookPayloadException("The SmartPay webhook body does not match the notification schema.", exception);
        }
    }
}
