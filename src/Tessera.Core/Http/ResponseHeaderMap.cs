namespace Tessera.Core.Http;

/// <summary>The headers of a response (message and content headers) as <see cref="Errors.ApiException.Headers"/> holds them.</summary>
public static class ResponseHeaderMap
{
    /// <summary>Copies the message and content headers of <paramref name="response"/>, names case-insensitive.</summary>
    /// <param name="response">The response.</param>
    /// <returns>The headers.</returns>
    public static Dictionary<string, IEnumerable<string>> From(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = header.Value;
        }

        if (response.Content is { } content)
        {
            foreach (var header in content.Headers)
            {
                headers[header.Key] = header.Value;
            }
        }

        return headers;
    }
}
