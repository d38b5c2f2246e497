namespace Tessera.Core.Http;

/// <summary>Assembles an <see cref="HttpClient"/> pipeline outside of IHttpClientFactory (the clients' non-DI factories).</summary>
public static class HttpPipeline
{
    /// <summary>Links <paramref name="handlers"/> (outermost first) in front of <paramref name="primary"/>.</summary>
    /// <param name="handlers">The delegating handlers, outermost first.</param>
    /// <param name="primary">The transport.</param>
    /// <returns>The outermost handler.</returns>
    public static HttpMessageHandler Chain(IEnumerable<DelegatingHandler> handlers, HttpMessageHandler primary)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        HttpMessageHandler inner = primary;
        foreach (var handler in handlers.Reverse())
        {
            handler.InnerHandler = inner;
            inner = handler;
        }

        return inner;
    }

    /// <summary>The default transport of a long-lived client.</summary>
    /// <returns>A new handler.</returns>
    public static HttpMessageHandler CreatePrimaryHandler() => new SocketsHttpHandler
    {
        // Long-lived clients must still notice DNS changes.
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };

    /// <summary>Relative operation paths resolve under a base address only when it ends with '/'.</summary>
    /// <param name="uri">A base address.</param>
    /// <returns>The address with a trailing slash.</returns>
    public static Uri WithTrailingSlash(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
