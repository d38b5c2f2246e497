namespace Tessera.Sandbox.Smartex;

/// <summary>One currency the sandbox prices in (spec <c>Currency</c>), with its Ether rate (spec <c>Rate</c>).</summary>
internal sealed record SmartexCurrency(
    string Code,
    string Name,
    string Plural,
    string Symbol,
    int Precision,
    decimal RatePerEth,
    decimal ExchangePctFee,
    bool PayoutEnabled,
    string Alts,
    IReadOnlyList<string> PayoutFields);

/// <summary>
/// The sandbox's fixed exchange rates: the price of one ETH in each supported currency. Fixed (not random) so an
/// invoice's <c>ethPrice</c> is predictable: <c>price / rate</c>, rounded to 6 decimals (ETH's precision).
/// </summary>
internal static class SmartexRates
{
    public static readonly IReadOnlyList<SmartexCurrency> Currencies =
    [
        new("ETH", "Ether", "Ether", "Ξ", 6, 1m, 0m, true, "ether eth", ["address"]),
        new("USD", "US Dollar", "US Dollars", "$", 2, 2450.37m, 1m, true, "dollar usd", ["bankName", "accountNumber", "routingNumber"]),
        new("EUR", "Eurozone Euro", "Eurozone Euros", "€", 2, 2261.12m, 1m, true, "euro eur", ["bankName", "iban", "bic"]),
        new("GBP", "Pound Sterling", "Pounds Sterling", "£", 2, 1935.55m, 1m, true, "pound gbp", ["bankName", "accountNumber", "sortCode"]),
        new("CAD", "Canadian Dollar", "Canadian Dollars", "$", 2, 3350.20m, 1m, false, "canadian cad", []),
        new("AUD", "Australian Dollar", "Australian Dollars", "$", 2, 3718.64m, 1m, false, "australian aud", []),
        new("CHF", "Swiss Franc", "Swiss Francs", "CHF", 2, 2163.90m, 1m, false, "franc chf", []),
        new("JPY", "Japanese Yen", "Japanese Yen", "¥", 0, 367555m, 1m, false, "yen jpy", []),
        new("RUB", "Russian Ruble", "Russian Rubles", "₽", 2, 196030.40m, 1m, false, "ruble rub", []),
        new("BTC", "Bitcoin", "Bitcoin", "Ƀ", 8, 0.0345m, 0.5m, false, "bitcoin btc xbt", []),
    ];

    private static readonly Dictionary<string, SmartexCurrency> ByCode = Currencies.ToDictionary(currency => currency.Code, StringComparer.Ordinal);

    public static SmartexCurrency? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The ETH amount for <paramref name="price"/> in <paramref name="currency"/> (6 decimals).</summary>
    public static decimal ToEth(decimal price, SmartexCurrency currency) =>
        Math.Round(price / currency.RatePerEth, 6, MidpointRounding.AwayFromZero);

    /// <summary>The <c>exRates</c> of an invoice: a few major currencies plus its own.</summary>
    public static IReadOnlyDictionary<string, decimal> ExRates(string currency)
    {
        var rates = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var code in new[] { "USD", "EUR", "GBP", currency })
        {
            rates[code] = ByCode[code].RatePerEth;
        }

        return rates;
    }
}
