using System.Text.RegularExpressions;

namespace Generated.SmartPay;

/// <content>
/// Checks what specs/smartpay.yaml constrains before a request is sent: ISO 3166-1 alpha-2 country codes, custom ids
/// of 1 to 32 letters or digits, and page numbers from 1. SmartPay answers such requests with an error inside an
/// HTTP 200 (7389 "mandatory input … invalid"); failing before sending says which value is wrong.
/// </content>
public partial class SmartPayClient
{
    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        if (request.Content is not FormUrlEncodedContent form)
        {
            return;
        }

        // Form content is in memory: reading it completes synchronously.
        var body = form.ReadAsStringAsync().GetAwaiter().GetResult();
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = Uri.UnescapeDataString(pair[..equals].Replace('+', ' '));
            var value = Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            switch (name)
            {
                case "country" when !SmartPayPatterns.Country().IsMatch(value):
                    throw new ArgumentException($"country must be an ISO 3166-1 alpha-2 code in capitals, such as CA or US; got '{value}'.", name);
                case "custom_consumer_id" or "custom_order_id" when !SmartPayPatterns.CustomId().IsMatch(value):
                    throw new ArgumentException($"{name} must be 1 to 32 letters or digits; got '{value}'.", name);
                case "page" when !int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var page) || page < 1:
                    throw new ArgumentOutOfRangeException(name, value, "SmartPay page numbers start at 1.");
            }
        }
    }
}

/// <summary>The patterns of specs/smartpay.yaml the client checks before sending.</summary>
internal static partial class SmartPayPatterns
{
    [GeneratedRegex("^[A-Z]{2}$")]
    public static partial Regex Country();

    [GeneratedRegex("^[A-Za-z0-9]{1,32}$")]
    public static partial Regex CustomId();
}
