using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;

namespace Tessera.Core.Clients;

/// <summary>
/// Appends a client runtime's handler chain to its named HTTP clients after every other configuration has run, so the
/// chain is innermost whatever the host adds and in whatever order, and removes the resilience handlers the host
/// added (Aspire's service defaults add the standard one to every client): they would resend requests that may have
/// been processed, and multiply the attempts of a client that already retries.
/// </summary>
internal sealed class ClientPipelineFilter : IHttpMessageHandlerBuilderFilter
{
    private readonly Dictionary<string, ClientPipelineRegistration> _registrations;

    public ClientPipelineFilter(IEnumerable<ClientPipelineRegistration> registrations)
    {
        _registrations = new Dictionary<string, ClientPipelineRegistration>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            _registrations.TryAdd(registration.HttpClientName, registration);
        }
    }

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return builder =>
        {
            next(builder);
            if (builder.Name is null || !_registrations.TryGetValue(builder.Name, out var registration))
            {
                return;
            }

            var handlers = builder.AdditionalHandlers;
            for (var i = handlers.Count - 1; i >= 0; i--)
            {
                if (handlers[i] is ResilienceHandler)
                {
                    handlers.RemoveAt(i);
                }
            }

            NoAutomaticRedirects(builder.PrimaryHandler);
            foreach (var handler in registration.Runtime(builder.Services).CreateHandlers())
            {
                handlers.Add(handler);
            }
        };
    }

    /// <summary>
    /// Every request of these clients carries a credential, which a transport-level redirect would hand to the new
    /// location (a 307 resends the body: an api_key, a client secret, a signed order). The wire handler turns a redirect
    /// into an error instead; a host's own primary handler is switched to not following them. A handler of a type this
    /// cannot see into, or one already in use, is left as it is, and the wire handler reports a followed redirect.
    /// </summary>
    private static void NoAutomaticRedirects(HttpMessageHandler? primary)
    {
        try
        {
            switch (primary)
            {
                case SocketsHttpHandler { AllowAutoRedirect: true } sockets:
                    sockets.AllowAutoRedirect = false;
                    break;
                case HttpClientHandler { AllowAutoRedirect: true } handler:
                    handler.AllowAutoRedirect = false;
                    break;
            }
        }
        catch (InvalidOperationException)
        {
            // Already sent a request (a shared instance): its setting cannot change any more.
        }
    }
}
