namespace Tessera.Core.Http;

/// <summary>
/// What the runtime counts about one request message while it travels the pipeline: attempts (for logs and spans),
/// sends that reached the transport, and resends some handler approved. One instance per message, in its options.
/// </summary>
internal sealed class RequestState
{
    private static readonly HttpRequestOptionsKey<RequestState> Key = new("Tessera.RequestState");

    /// <summary>Attempts started (incremented by the attempt handler, before the rate limit).</summary>
    public int Attempts { get; set; }

    /// <summary>Times the message was handed to the transport.</summary>
    public int Sends { get; set; }

    /// <summary>Further sends the runtime's retry strategy or an authentication replay approved.</summary>
    public int ApprovedResends { get; set; }

    public static RequestState Of(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(Key, out var state))
        {
            state = new RequestState();
            request.Options.Set(Key, state);
        }

        return state;
    }
}
