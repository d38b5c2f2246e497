using Tessera.Pax8.Webhooks;

namespace Tessera.Pax8;

/// <content>The Webhooks API v2 client of the same registration.</content>
public partial class Pax8Client
{
    private Pax8WebhooksClient? _webhooks;

    /// <summary>Set by the registration: resolves the webhooks client that shares this client's runtime.</summary>
    internal Func<Pax8WebhooksClient>? WebhooksFactory { get; init; }

    /// <summary>
    /// The Webhooks API v2 client (<c>https://api.pax8.com/api/v2</c>) of the same registration: it reuses this
    /// client's token, token cache, rate budget and circuit breaker, so a webhook call never fetches a second token.
    /// Available on clients from <see cref="Create"/> and from <c>AddPax8Client</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The client was constructed directly over an <see cref="HttpClient"/>.</exception>
    public Pax8WebhooksClient Webhooks => _webhooks ??= WebhooksFactory?.Invoke()
        ?? throw new InvalidOperationException("This Pax8Client was constructed directly; create it with Pax8Client.Create or AddPax8Client to use Webhooks, or construct a Pax8WebhooksClient yourself.");
}
