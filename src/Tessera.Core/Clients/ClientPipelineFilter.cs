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

            foreach (var handler in registration.Runtime(builder.Services).CreateHandlers())
            {
                handlers.Add(handler);
            }
        };
    }
}
