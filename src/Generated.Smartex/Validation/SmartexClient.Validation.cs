using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Generated.Smartex;

/// <content>
/// Checks what specs/smartex.yaml constrains before a request is sent: invoice and bill prices greater than zero,
/// three-letter currency codes and 7-character pairing codes. Smartex would refuse such a request (after it was
/// signed and counted against the rate limit); failing before sending says what is wrong.
/// </content>
public partial class SmartexClient
{
    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        if (request.Method != HttpMethod.Post || request.Content is null)
        {
            return;
        }

        var path = url.Split('?', 2)[0].TrimEnd('/');
        var isPriced = path.EndsWith("invoices", StringComparison.Ordinal) || path.EndsWith("bills", StringComparison.Ordinal);
        var isPairing = path.EndsWith("tokens", StringComparison.Ordinal);
        if (!isPriced && !isPairing)
        {
            return;
        }

        // The JSON body is in memory: reading it completes synchronously.
        if (JToken.Parse(request.Content.ReadAsStringAsync().GetAwaiter().GetResult()) is not JObject body)
        {
            return;
        }

        if (isPriced)
        {
            if (body["price"] is JValue { Value: not null } price && Convert.ToDecimal(price.Value, CultureInfo.InvariantCulture) <= 0m)
            {
                throw new ArgumentOutOfRangeException("price", price.ToString(CultureInfo.InvariantCulture), "A Smartex price must be greater than zero.");
            }

            if (body["currency"] is JValue { Type: JTokenType.String } currency && !SmartexPatterns.Currency().IsMatch((string)currency!))
            {
                throw new ArgumentException($"currency must be a three-letter ISO 4217 code in capitals, such as USD; got '{currency}'.", "currency");
            }
        }

        if (isPairing && body["pairingCode"] is JValue { Type: JTokenType.String } code && !SmartexPatterns.PairingCode().IsMatch((string)code!))
        {
            throw new ArgumentException("A Smartex pairing code is exactly 7 letters or digits (generate one on the dashboard's API tokens page).", "pairingCode");
        }
    }
}

/// <summary>The patterns of specs/smartex.yaml the client checks before sending.</summary>
internal static partial class SmartexPatterns
{
    [GeneratedRegex("^[A-Z]{3}$")]
    public static partial Regex Currency();

    [GeneratedRegex("^[A-Za-z0-9]{7}$")]
    public static partial Regex PairingCode();
}
