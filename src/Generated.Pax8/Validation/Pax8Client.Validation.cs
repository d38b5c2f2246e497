using System.Globalization;

namespace Generated.Pax8;

/// <content>
/// Checks what specs/pax8.yaml constrains before a request is sent: page sizes of 1 to 200 and page numbers from 0.
/// Pax8 would answer such requests with a 400 (or silently clamp them); failing before sending says what is wrong.
/// </content>
public partial class Pax8Client
{
    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return;
        }

        foreach (var pair in url.AsSpan(query + 1).ToString().Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = pair[..equals];
            var value = Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (name == "size" && (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) || size is < 1 or > 200))
            {
                throw new ArgumentOutOfRangeException("size", value, "A Pax8 page holds 1 to 200 records (size must be between 1 and 200).");
            }

            if (name == "page" && (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var page) || page < 0))
            {
                throw new ArgumentOutOfRangeException("page", value, "Pax8 page numbers start at 0 (page must not be negative).");
            }
        }
    }
}
