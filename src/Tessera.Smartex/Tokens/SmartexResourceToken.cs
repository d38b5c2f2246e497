namespace Tessera.Smartex.Tokens;

/// <summary>
/// Carries a resource token (an invoice's own <c>token</c>) from a facade method to
/// <see cref="SmartexFacadeTokenHandler"/>. The generated operation methods take no token parameter (the client
/// injects every <c>token</c>), so the facade scopes the value to its own call and the generated client's
/// <c>PrepareRequest</c> hook moves it onto the request message, where handlers read it.
/// </summary>
internal static class SmartexResourceToken
{
    private static readonly HttpRequestOptionsKey<string> Key = new("Tessera.Smartex.ResourceToken");

    // Flows into the awaited generated call only; the facade's own async frame restores it on return.
    private static readonly AsyncLocal<string?> Scoped = new();

    /// <summary>Runs <paramref name="call"/> with <paramref name="token"/> as the resource token of the requests it builds.</summary>
    public static async Task<T> RunAsync<T>(string token, Func<Task<T>> call)
    {
        var previous = Scoped.Value;
        Scoped.Value = token;
        try
        {
            return await call().ConfigureAwait(false);
        }
        finally
        {
            Scoped.Value = previous;
        }
    }

    /// <summary>Moves the scoped token (if any) onto a request being built.</summary>
    public static void Attach(HttpRequestMessage request)
    {
        if (Scoped.Value is { Length: > 0 } token)
        {
            request.Options.Set(Key, token);
        }
    }

    /// <summary>The resource token attached to <paramref name="request"/>, if any.</summary>
    public static string? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var token) ? token : null;
}
