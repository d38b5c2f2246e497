using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Tessera.Core.Clients;
using Tessera.Core.Diagnostics;
using Tessera.Core.Notifications;

namespace Tessera.Pax8.Webhooks;

/// <summary>
/// Checks and reads Pax8 webhook deliveries. Pax8 signs nothing (discrepancy W3): the only proof a delivery came from
/// Pax8 is the webhook's <c>authorization</c> value, which Pax8 sends back verbatim as the <c>Authorization</c> header.
/// It is compared here in constant time, so the comparison leaks nothing about how much of a guess was right.
/// Thread-safe; keep one instance.
/// </summary>
public sealed class Pax8WebhookVerifier
{
    /// <summary>The header Pax8 echoes the webhook's <c>authorization</c> value in.</summary>
    public const string AuthorizationHeader = "Authorization";

    private readonly byte[] _expected;

    /// <summary>Creates a verifier.</summary>
    /// <param name="authorization">The <c>authorization</c> value the webhook was created with. Secret.</param>
    /// <exception cref="ClientConfigurationException">The value is empty.</exception>
    public Pax8WebhookVerifier(string authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            throw new ClientConfigurationException("Pax8", "A webhook authorization value is required to check Pax8 deliveries (Pax8:Webhooks:Authorization).");
        }

        _expected = SHA256.HashData(Encoding.UTF8.GetBytes(authorization));
        SecretRedactor.Shared.AddSecret(authorization);
    }

    /// <summary>Whether <paramref name="authorization"/> (the delivery's header) is the configured value, compared in constant time.</summary>
    /// <param name="authorization">The header value; <see langword="null"/> or empty when absent.</param>
    /// <returns><see langword="true"/> when it matches exactly.</returns>
    public bool IsAuthorized(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return false;
        }

        // Both sides are hashed first: FixedTimeEquals is constant-time only for equal lengths, and comparing digests
        // keeps even the length of the configured value from showing in the timing.
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(authorization));
        return CryptographicOperations.FixedTimeEquals(actual, _expected);
    }

    /// <summary>Reads a delivery body into the generated <see cref="WebhookPayload"/> (the webhooks client's lenient JSON).</summary>
    /// <param name="body">The raw body.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="Pax8WebhookPayloadException">The body is not a JSON object with the required members.</exception>
    public static WebhookPayload Parse(ReadOnlySpan<byte> body)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(body);
        }
        catch (DecoderFallbackException exception)
        {
            throw new Pax8WebhookPayloadException("The Pax8 webhook body is not UTF-8.", exception);
        }

        try
        {
            return JsonConvert.DeserializeObject<WebhookPayload>(text, Pax8WebhooksClient.SerializerSettings)
                ?? throw new Pax8WebhookPayloadException();
        }
        catch (JsonException exception)
        {
            throw new Pax8WebhookPayloadException($"The Pax8 webhook body is not a WebhookPayload: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// What identifies one event across redeliveries (discrepancy W14: deliveries carry no event id): the webhook, the
    /// topic subscription and the event data in a canonical form. <c>sentAt</c> and <c>url</c> are left out, because a
    /// redelivery may restamp them.
    /// </summary>
    /// <param name="payload">The delivery.</param>
    /// <returns>A SHA-256 fingerprint (hex) for <see cref="ReplayWindow"/>.</returns>
    public static string Fingerprint(WebhookPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var data = payload.PayloadData is null ? "null" : JObject.FromObject(payload.PayloadData).ToString(Formatting.None);
        return ReplayWindow.Fingerprint(
            Encoding.UTF8.GetBytes(payload.WebhookId ?? string.Empty),
            Encoding.UTF8.GetBytes(payload.WebhookTopic?.Id ?? string.Empty),
            Encoding.UTF8.GetBytes(payload.WebhookTopic?.Topic ?? string.Empty),
            Encoding.UTF8.GetBytes(data));
    }
}
