namespace Generated.SmartPay;

/// <summary>Helpers that assemble an <see cref="HttpClient"/> pipeline outside of IHttpClientFactory.</summary>
internal static class SmartPayHttpPipeline
{
    public static HttpMessageHandler Chain(IEnumerable<DelegatingHandler> handlers, HttpMessageHandler primary)
    {
        HttpMessageHandler inner = primary;
        foreach (var handler in handlers.Reverse())
        {
            handler.InnerHandler = inner;
            inner = handler;
        }

        return inner;
    }

    public static HttpMessageHandler CreatePrimaryHandler() => new SocketsHttpHandler
    {
        // Long-lived clients must still notice DNS changes.
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };

    /// <summary>Relative operation paths resolve under the base address only when it ends with '/'.</summary>
    public static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
