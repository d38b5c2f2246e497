using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Smartex;

/// <summary>Which view of an invoice a response carries (BitPay's top-level <c>facade</c>).</summary>
internal enum SmartexInvoiceView
{
    /// <summary>Unsigned <c>GET /invoices/{id}</c>: no resource token, buyer, order or notification data.</summary>
    Public,

    /// <summary>Every field (invoice creation, merchant reads, IPNs).</summary>
    Full,
}

/// <summary>
/// Writes the sandbox records as Smartex wire JSON (specs/smartex.yaml schemas). Property names are spelled out
/// here; absent optional values are left out (the spec declares nothing nullable). Times are epoch milliseconds; ETH
/// amounts are strings like BitPay's <c>"0.0632"</c> (the spec allows string or number), rates are numbers.
/// </summary>
internal static class SmartexJson
{
    public static readonly JsonSerializerOptions WireOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(WireOptions), Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The success envelope <c>{"data": …[, "facade": …]}</c>.</summary>
    public static JsonObject Envelope(JsonNode data, string? facade = null)
    {
        var envelope = new JsonObject { ["data"] = data };
        if (facade is not null)
        {
            envelope["facade"] = facade;
        }

        return envelope;
    }

    public static long Millis(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    /// <summary>An ETH amount as the string BitPay sends (<c>"0.012345"</c>), without trailing zeros.</summary>
    public static string EthAmount(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>Drops trailing zeros of a decimal, so <c>20.00</c> is written as <c>20</c>.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    public static JsonObject Token(SmartexToken token, bool includePairing)
    {
        var json = new JsonObject
        {
            ["token"] = token.Value,
            ["facade"] = token.Facade,
            ["policies"] = new JsonArray(new JsonObject
            {
                ["policy"] = "id",
                ["method"] = token.Active ? "require" : "inactive",
                ["params"] = new JsonArray(token.Sin),
            }),
            ["dateCreated"] = Millis(token.DateCreated),
        };
        if (includePairing && token.PairingCode is not null)
        {
            json["pairingExpiration"] = Millis(token.PairingExpiration!.Value);
            json["pairingCode"] = token.PairingCode;
        }

        if (token.Label is not null)
        {
            json["label"] = token.Label;
        }

        return json;
    }

    /// <param name="invoice">The invoice.</param>
    /// <param name="view">Public or full.</param>
    /// <param name="now">The sandbox clock (<c>currentTime</c>).</param>
    /// <param name="ownBase">The sandbox's own Smartex base, for invoices without a <see cref="SmartexInvoice.PageBase"/>.</param>
    public static JsonObject Invoice(SmartexInvoice invoice, SmartexInvoiceView view, DateTimeOffset now, string ownBase)
    {
        var full = view == SmartexInvoiceView.Full;
        var due = Math.Max(0m, invoice.EthPrice - invoice.EthPaid);
        var json = new JsonObject
        {
            ["id"] = invoice.Id,
            ["url"] = (invoice.PageBase ?? ownBase) + "/invoice?id=" + invoice.Id,
            ["status"] = invoice.Status,
            ["price"] = Normalize(invoice.Price),
            ["currency"] = invoice.Currency,
            ["ethPrice"] = EthAmount(invoice.EthPrice),
            ["ethPaid"] = EthAmount(invoice.EthPaid),
            ["ethDue"] = EthAmount(due),
            ["rate"] = Normalize(invoice.Rate),
            ["exRates"] = ExRates(invoice.ExRates),
            ["invoiceTime"] = Millis(invoice.InvoiceTime),
            ["expirationTime"] = Millis(invoice.ExpirationTime),
            ["currentTime"] = Millis(now),
            ["exceptionStatus"] = false,
        };
        if (full && invoice.PosData is not null)
        {
            json["posData"] = invoice.PosData;
        }

        if (full && invoice.OrderId is not null)
        {
            json["orderId"] = invoice.OrderId;
        }

        if (full)
        {
            json["token"] = invoice.Token;
        }

        if (invoice.ItemDesc is not null)
        {
            json["itemDesc"] = invoice.ItemDesc;
        }

        if (full && invoice.Guid is not null)
        {
            json["guid"] = invoice.Guid;
        }

        if (full && invoice.NotificationUrl is not null)
        {
            json["notificationURL"] = invoice.NotificationUrl;
        }

        if (invoice.RedirectUrl is not null)
        {
            json["redirectURL"] = invoice.RedirectUrl;
        }

        if (full)
        {
            var buyer = new JsonObject();
            foreach (var (name, value) in invoice.BuyerFields)
            {
                buyer[name] = value;
            }

            json["buyerFields"] = buyer;
        }

        json["paymentUrls"] = new JsonObject
        {
            ["EIP681"] = string.Create(CultureInfo.InvariantCulture, $"ethereum:{PaymentAddress(invoice.Id)}?value={Normalize(due * 1_000_000_000_000_000_000m)}"),
        };
        var transactions = new JsonArray();
        foreach (var transaction in invoice.Transactions)
        {
            transactions.Add(new JsonObject
            {
                ["txid"] = transaction.TxId,
                ["amount"] = EthAmount(transaction.Amount),
                ["confirmations"] = transaction.Confirmations,
                ["time"] = Millis(transaction.Time),
            });
        }

        json["transactions"] = transactions;
        return json;
    }

    /// <summary>The (made-up, deterministic) Ether address an invoice is paid to.</summary>
    public static string PaymentAddress(string invoiceId) =>
        "0x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("smartex-sandbox:" + invoiceId)).AsSpan(0, 20));

    /// <summary>A refund request (spec <c>Refund</c>): id, token, the invoice, when, the guid, and the members sent.</summary>
    public static JsonObject Refund(SmartexRefund refund)
    {
        var json = (JsonObject)refund.Extra.DeepClone();
        json["id"] = refund.Id;
        json["token"] = refund.Token;
        json["invoiceId"] = refund.InvoiceId;
        json["requestDate"] = Millis(refund.RequestDate);
        if (refund.Guid is not null)
        {
            json["guid"] = refund.Guid;
        }

        return json;
    }

    public static JsonObject Bill(SmartexBill bill)
    {
        var json = new JsonObject
        {
            ["id"] = bill.Id,
            ["token"] = bill.Token,
            ["createdDate"] = Millis(bill.CreatedDate),
            ["delivered"] = bill.Delivered,
            ["number"] = bill.Number,
            ["status"] = bill.Status,
            ["currency"] = bill.Currency,
            ["showRate"] = bill.ShowRate,
            ["archived"] = bill.Archived,
        };
        void Optional(string name, string? value)
        {
            if (value is not null)
            {
                json[name] = value;
            }
        }

        Optional("name", bill.Name);
        Optional("address1", bill.Address1);
        Optional("address2", bill.Address2);
        Optional("city", bill.City);
        Optional("state", bill.State);
        Optional("zip", bill.Zip);
        Optional("country", bill.Country);
        Optional("email", bill.Email);
        Optional("phone", bill.Phone);
        Optional("dueDate", bill.DueDate);
        var items = new JsonArray();
        foreach (var item in bill.Items)
        {
            items.Add(new JsonObject
            {
                ["description"] = item.Description,
                ["price"] = Normalize(item.Price),
                ["quantity"] = Normalize(item.Quantity),
            });
        }

        json["items"] = items;
        return json;
    }

    public static JsonObject Rate(SmartexCurrency currency) => new()
    {
        ["code"] = currency.Code,
        ["name"] = currency.Name,
        ["rate"] = Normalize(currency.RatePerEth),
    };

    public static JsonObject Currency(SmartexCurrency currency)
    {
        var fields = new JsonArray();
        foreach (var field in currency.PayoutFields)
        {
            fields.Add(field);
        }

        return new JsonObject
        {
            ["code"] = currency.Code,
            ["symbol"] = currency.Symbol,
            ["precision"] = currency.Precision,
            ["exchangePctFee"] = Normalize(currency.ExchangePctFee),
            ["payoutEnabled"] = currency.PayoutEnabled,
            ["name"] = currency.Name,
            ["plural"] = currency.Plural,
            ["alts"] = currency.Alts,
            ["payoutFields"] = fields,
        };
    }

    private static JsonObject ExRates(IReadOnlyDictionary<string, decimal> rates)
    {
        var json = new JsonObject();
        foreach (var (code, rate) in rates)
        {
            json[code] = Normalize(rate);
        }

        return json;
    }
}
