using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tessera.Sandbox.Smartex;

/// <summary>
/// The Smartex operations of specs/smartex.yaml under <c>/smartex</c>, plus the sandbox-only stand-ins for the
/// merchant dashboard and the blockchain. Each spec operation carries <see cref="SmartexOperation"/> metadata, which
/// <see cref="SmartexAuthentication"/> enforces before the handler runs. Handlers write their own responses (no
/// model binding), so every status and body is explicit.
/// </summary>
internal sealed partial class SmartexEndpoints
{
    private static readonly string[] PosOrMerchant = [SmartexFacades.Pos, SmartexFacades.Merchant];
    private static readonly string[] MerchantOnly = [SmartexFacades.Merchant];
    private static readonly string[] ResourceOnly = [SmartexOperation.Resource];

    private static readonly string[] BuyerFieldNames =
        ["buyerName", "buyerAddress1", "buyerAddress2", "buyerAddress3", "buyerAddress4", "buyerCity", "buyerState", "buyerZip", "buyerCountry", "buyerEmail", "buyerPhone"];

    private readonly SmartexStore store;
    private readonly SmartexLifecycle lifecycle;
    private readonly string prefix;

    public SmartexEndpoints(SmartexStore store, SmartexLifecycle lifecycle, string prefix)
    {
        this.store = store;
        this.lifecycle = lifecycle;
        this.prefix = prefix;
    }

    /// <summary>Maps every Smartex route, spec operations first, then the sandbox-only ones.</summary>
    public void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(prefix);
        api.MapPost("/tokens", CreateTokenAsync).WithMetadata(new SmartexOperation("createToken", SmartexSigning.None, []));
        api.MapGet("/tokens", GetTokensAsync).WithMetadata(new SmartexOperation("getTokens", SmartexSigning.Required, []));
        api.MapPost("/invoices", CreateInvoiceAsync).WithMetadata(new SmartexOperation("createInvoice", SmartexSigning.Required, PosOrMerchant));
        api.MapGet("/invoices", GetInvoicesAsync).WithMetadata(new SmartexOperation("getInvoices", SmartexSigning.Required, MerchantOnly));
        api.MapGet("/invoices/{id}", GetInvoiceAsync).WithMetadata(new SmartexOperation("getInvoice", SmartexSigning.Optional, MerchantOnly, TokenOptional: true));
        api.MapGet("/invoices/{id}/refunds", GetRefundsAsync).WithMetadata(new SmartexOperation("getRefunds", SmartexSigning.Required, ResourceOnly));
        api.MapPost("/invoices/{id}/refunds", CreateRefundAsync).WithMetadata(new SmartexOperation("createRefund", SmartexSigning.Required, ResourceOnly));
        api.MapPost("/bills", CreateBillAsync).WithMetadata(new SmartexOperation("createBill", SmartexSigning.Required, MerchantOnly));
        api.MapGet("/bills", GetBillsAsync).WithMetadata(new SmartexOperation("getBills", SmartexSigning.Required, MerchantOnly));
        api.MapGet("/bills/{id}", GetBillAsync).WithMetadata(new SmartexOperation("getBill", SmartexSigning.Required, MerchantOnly));
        api.MapPut("/bills/{id}", UpdateBillAsync).WithMetadata(new SmartexOperation("updateBill", SmartexSigning.Required, MerchantOnly));
        api.MapPost("/bills/{id}/deliveries", DeliverBillAsync).WithMetadata(new SmartexOperation("deliverBill", SmartexSigning.Required, MerchantOnly));
        api.MapGet("/rates", GetRatesAsync).WithMetadata(new SmartexOperation("getRates", SmartexSigning.None, []));
        api.MapGet("/currencies", GetCurrenciesAsync).WithMetadata(new SmartexOperation("getCurrencies", SmartexSigning.None, []));
        api.MapGet("/ledgers", GetLedgersAsync).WithMetadata(new SmartexOperation("getLedgers", SmartexSigning.Required, MerchantOnly));

        // Sandbox-only (not in the spec): the dashboard, the hosted invoice page and the "blockchain".
        api.MapGet("/api-access-request", ApproveAccessRequestAsync);
        api.MapGet("/invoice", InvoicePageAsync);
        api.MapPost("/_sandbox/pairing-codes", IssuePairingCodeAsync).WithMetadata(new SmartexOperation("sandbox:issuePairingCode", SmartexSigning.None, []));
        api.MapPost("/_sandbox/invoices/{id}/pay", context => DriveInvoiceAsync(context, "new", "paid"));
        api.MapPost("/_sandbox/invoices/{id}/confirm", context => DriveInvoiceAsync(context, "paid", "confirmed"));
        api.MapPost("/_sandbox/invoices/{id}/complete", context => DriveInvoiceAsync(context, "confirmed", "complete"));
    }

    /// <summary>
    /// The Smartex base clients reach (<c>scheme://host/smartex</c>, or <see cref="SmartexSandboxOptions.PublicBaseUrl"/>
    /// behind a proxy), where the hosted pages live: an invoice <c>url</c> must be one the buyer can open.
    /// </summary>
    public string OwnBase(HttpRequest request) => store.Options.PublicBaseUrl is { } publicBase
        ? publicBase.AbsoluteUri.TrimEnd('/')
        : request.Scheme + "://" + request.Host.Value + prefix;

    // ---- Tokens -----------------------------------------------------------------------------------------------

    private Task CreateTokenAsync(HttpContext context)
    {
        lock (store.Sync)
        {
            store.PairingRequests++;
        }

        var body = SmartexBody.Parse(SmartexAuthentication.Caller(context).Body);
        var sin = body.String("id");
        if (sin is null || !SmartexCrypto.IsValidSin(sin))
        {
            throw SmartexErrors.BadRequest("Invalid SIN: id must be the client identity's SIN (35 Base58 characters starting with T, valid checksum)");
        }

        var pairingCode = body.String("pairingCode");
        var facade = body.String("facade");
        var label = body.String("label", 59);
        body.String("guid");
        if (label is not null && !LabelPattern().IsMatch(label))
        {
            throw SmartexErrors.BadRequest("label may only contain letters, digits, spaces, '-', '_' and '.'");
        }

        if ((pairingCode is null) == (facade is null))
        {
            throw SmartexErrors.BadRequest("Send either pairingCode (server-initiated pairing) or facade (client-initiated pairing)");
        }

        SmartexToken token;
        lock (store.Sync)
        {
            if (pairingCode is not null)
            {
                if (!PairingCodePattern().IsMatch(pairingCode))
                {
                    throw SmartexErrors.BadRequest("pairingCode must be 7 letters or digits");
                }

                if (!store.DashboardCodes.TryGetValue(pairingCode, out var code) || code.Claimed)
                {
                    throw SmartexErrors.BadRequest("Unable to find pairing code " + pairingCode);
                }

                if (store.Now >= code.Expires)
                {
                    throw SmartexErrors.BadRequest("Pairing code " + pairingCode + " has expired");
                }

                code.Claimed = true;
                token = store.AddToken(code.Facade, sin, label, active: true, withPairingCode: false);
            }
            else
            {
                if (!SmartexFacades.IsPairable(facade))
                {
                    throw SmartexErrors.BadRequest("Invalid facade " + facade + ": request pos or merchant");
                }

                token = store.AddToken(facade!, sin, label, active: false, withPairingCode: true);
            }
        }

        return SmartexJson.WriteAsync(context, StatusCodes.Status200OK, SmartexJson.Envelope(new JsonArray(SmartexJson.Token(token, includePairing: true)), "public/token"));
    }

    private Task GetTokensAsync(HttpContext context)
    {
        var sin = SmartexAuthentication.Caller(context).Sin!;
        var data = new JsonArray();
        lock (store.Sync)
        {
            foreach (var token in store.Tokens.Values.Where(token => token.Sin == sin && token.Active).OrderBy(token => token.DateCreated))
            {
                data.Add(new JsonObject { [token.Facade] = token.Value });
            }
        }

        return SmartexJson.WriteAsync(context, StatusCodes.Status200OK, SmartexJson.Envelope(data));
    }

    // ---- Invoices ---------------------------------------------------------------------------------------------

    private Task CreateInvoiceAsync(HttpContext context)
    {
        var caller = SmartexAuthentication.Caller(context);
        var body = SmartexBody.Parse(caller.Body);
        var price = body.Decimal("price") ?? throw SmartexErrors.BadRequest("price is required");
        if (price <= 0)
        {
            throw SmartexErrors.BadRequest("price must be greater than 0");
        }

        var currencyCode = body.String("currency") ?? throw SmartexErrors.BadRequest("currency is required");
        if (!CurrencyPattern().IsMatch(currencyCode))
        {
            throw SmartexErrors.BadRequest("currency must be 3 uppercase letters (ETH or an ISO 4217 code)");
        }

        var currency = SmartexRates.Find(currencyCode) ?? throw SmartexErrors.BadRequest("Unsupported currency " + currencyCode + " (GET /currencies lists the supported ones)");
        var speed = body.String("transactionSpeed") ?? "medium";
        if (!SmartexRequest.TransactionSpeeds.Contains(speed, StringComparer.Ordinal))
        {
            throw SmartexErrors.BadRequest("transactionSpeed must be high, medium or low");
        }

        var buyer = new List<KeyValuePair<string, string>>();
        foreach (var name in BuyerFieldNames)
        {
            if (body.String(name, 100) is { } value)
            {
                buyer.Add(new(name, value));
            }
        }

        var posData = body.String("posData", 100);
        var notificationUrl = SmartexRequest.Url(body, "notificationURL", httpsOnly: true);
        var redirectUrl = SmartexRequest.Url(body, "redirectURL", httpsOnly: false);
        var notificationEmail = SmartexRequest.Email(body, "notificationEmail");
        var fullNotifications = body.Boolean("fullNotifications") ?? false;
        var orderId = body.String("orderID");
        var itemDesc = body.String("itemDesc", 100);
        var itemCode = body.String("itemCode");
        var physical = body.Boolean("physical");
        var guid = body.String("guid");
        body.Decimal("nonce");

        SmartexInvoice invoice;
        DateTimeOffset now;
        lock (store.Sync)
        {
            now = store.Now;
            invoice = new SmartexInvoice
            {
                Id = store.NewId(),
                Token = store.NewToken(),
                Price = price,
                Currency = currency.Code,
                EthPrice = SmartexRates.ToEth(price, currency),
                Rate = currency.RatePerEth,
                ExRates = SmartexRates.ExRates(currency.Code),
                InvoiceTime = now,
                ExpirationTime = now + store.Options.InvoiceLifetime,
                Status = "new",
                PosData = posData,
                OrderId = orderId,
                ItemDesc = itemDesc,
                ItemCode = itemCode,
                Physical = physical,
                Guid = guid,
                NotificationUrl = notificationUrl,
                NotificationEmail = notificationEmail,
                RedirectUrl = redirectUrl,
                FullNotifications = fullNotifications,
                TransactionSpeed = speed,
                BuyerFields = buyer,
                PageBase = OwnBase(context.Request),
            };
            store.AddInvoice(invoice);
            store.CreatedInvoiceIds.Add(invoice.Id);
        }

        var response = SmartexJson.Envelope(SmartexJson.Invoice(invoice, SmartexInvoiceView.Full, now, OwnBase(context.Request)), caller.Token!.Facade + "/invoice");
        return SmartexJson.WriteAsync(context, StatusCodes.Status200OK, response);
    }

    private Task GetInvoiceAsync(HttpContext context)
    {
        var caller = SmartexAuthentication.Caller(context);
        var id = (string)context.Request.RouteValues["id"]!;
        JsonObject data;
        lock (store.Sync)
        {
            var invoice = store.InvoicesById.GetValueOrDefault(id) ?? throw SmartexErrors.NotFound("Invoice not found: " + id);
            data = SmartexJson.Invoice(invoice, caller.Token is null ? SmartexInvoiceView.Public : SmartexInvoiceView.Full, store.Now, OwnBase(context.Request));
        }

        return SmartexJson.WriteAsync(context, StatusCodes.Status200OK, SmartexJson.Envelope(data, caller.Token is null ? "public/invoice" : "merchant/invoice"));
    }

    private Task GetInvoicesAsync(HttpContext context)
    {
        var request = context.Request;
        // dateStart is optional (spec S20: the Node client lists invoices without it); no lower bound then.
        var start = SmartexRequest.QueryDate(request, "dateStart", end: false) ?? DateTimeOffset.MinValue;
        var end = SmartexRequest.QueryDate(request, "dateEnd", end: true);
        var status = SmartexRequest.QueryEnum(request, "status", SmartexRequest.InvoiceStatuses);
        var orderId = SmartexRequest.Query(request, "orderId");
        var limit = SmartexRequest.QueryInteger(request, "limit", 1);
        var offset = SmartexRequest.QueryInteger(request, "offset", 0) ?? 0;
        var data = new JsonArray();
        lock (store.Sync)
        {
            var now = store.Now;
            var matches = store.Invoices
                .Where(invoice => invoice.InvoiceTime >= start && (end is null || invoice.InvoiceTime < end))
                .Where(invoice => status is null || invoice.Status == status)
                .Where(invoice => orderId is null || invoice.OrderId == orderId)
                .OrderBy(invoice => invoice.InvoiceTime)
                .ThenBy(invoice => invoice.Id, StringComparer.Ordinal)
                .Skip(offset)
                .Take(limit ?? int.MaxValue);
            foreach (var invoice in matches)
            {
                data.Add(SmartexJson.Invoice(invoice, SmartexInvoiceView.Full, now, OwnBase(request)));
            }
        }

        return SmartexJson.WriteAsync(context, StatusCodes.Status200OK, SmartexJson.Envelope(data, "merchant/invoice"));
    }

    // ---- Refunds ----------------------------------------------------------------------------------------------

    private Task GetRefundsAsync(HttpContext context)
    {
        var data = new JsonArray();
        lock (store.Sync)
        {
            var invoice = InvoiceForResourceToken(context);
            foreach (var refund in store.Refunds.Where(refund => refund.InvoiceId == invoice.Id))
            {
                data.Add(SmartexJson.Refund(refund));
            }
        }

        return SmartexJson.WriteAsync(context, StatusCodes.Status200OK, SmartexJson.Envelope(data));
    }

    private Task CreateRefundAsync(HttpContext context)
    {
        var caller = SmartexAuthentication.Caller(context);
        var body = (JsonObject)JsonNode.Parse(caller.Body)!;
        var guid = body["guid"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        var extra = new JsonObject();
        foreach (var (name, member) in body)
        {
            if (name is not ("token" or "guid"))
            {
                extra[name] = member?.DeepClone();
            }
        }

        SmartexRefund refund;
        lock (store.Sync)
        {
            var invoice = InvoiceForResourceToken(context);

            // Nothing documents refund rules; an invoice that never received money has nothing to refund, so the
            // sandbox refuses new and expired ones the way it refuses other impossible requests.
            if (invoice.Status is "new" or "expired")
            {
                throw SmartexErrors.BadRequest("Invoice " + invoice.Id + " has not been paid (status " + invoice.Status + "); there is nothing to refund");
            }

            // No source says the server deduplicates on guid: every POST is a new refund request, as sent.
            refund = new SmartexRefund
            {
                Id = store.NewId(),
                InvoiceId = invoice.Id,
                Token = store.NewToken(),
                RequestDate = store.Now,
                Guid = guid,
                Extra = extra,
            };
            store.Refunds.Add(refund);
        }

        return SmartexJson.WriteAsync(context, StatusCodes.Status200OK, SmartexJson.Envelope(SmartexJson.Refund(refund)));
    }

    // Caller holds store.Sync. The resource token authorises its own invoice only.
    private SmartexInvoice InvoiceForResourceToken(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["id"]!;
        var invoice = store.InvoicesById.GetValueOrDefault(id) ?? throw SmartexErrors.NotFound("Invoice not found: " + id);
        if (SmartexAuthentication.Caller(context).ResourceToken != invoice.Token)
        {
            throw SmartexErrors.Unauthorized("Invalid token: it is not the resource token of invoice " + id);
        }

        return invoice;
    }

    // ---- Bills ------------------------------------------------------------------------------------------------

    private Task CreateBillAsync(HttpContext context)
    {
        var body = SmartexBody.Parse(SmartexAuthentication.Caller(context).Body);
        var fields = ReadBill(body, update: false);
        SmartexBill bill;
        lock (store.Sync)
        {
            bill = new SmartexBill
            {
                Id = store.NewId(),
                Token = store.NewToken(),
                CreatedDate = store.Now,
                Number = fields.Number ?? (1001 + store.Bills.Count).ToString(CultureInfo.InvariantCulture),
            };
            fields.ApplyTo(bill);
            store.AddBill(bill);
            store.CreatedBillIds.Add(bill.Id);
        }

        return SmartexJson.WriteAsync(context, StatusCodes.Status200OK, SmartexJson.Envelope(SmartexJson.Bill(bill), "merchant/bill"));
    }

    private Task GetBillsAsync(HttpContext context)
    {
        var status = SmartexRequest.QueryEnum(context.Request, "status", SmartexRequest.BillStatuses);
        var data = new JsonArray();
        lock (store.Sync)
        {
            foreach (var bill in store.Bills.Where(bill => status is null || bill.Status == status))
            {
                data.Add(SmartexJson.Bill(bill));
            }
        }

        return SmartexJson.WriteAsync(context, StatusCodes.Status200OK, SmartexJson.Envelope(data, "merchant/bill"));
    }

    private Task GetBillAsync(HttpContext context)
    {
        JsonObject data;
        lock (store.Sync)
        {
            data = SmartexJson.Bill(BillFromRoute(context));
        }

        return SmartexJson.WriteAsync(context, StatusCodes.Status200OK, SmartexJson.Envelope(data, "merchant/bill"));
    }

    private Task UpdateBillAsync(HttpContext context)
    {
        var body = SmartexBody.Parse(SmartexAuthentication.Caller(context).Body);
        var fields = ReadBill(body, update: true);
        JsonObject data;
        lock (store.Sync)
        {
            var bill = BillFromRoute(context);
            fields.ApplyTo(bill);
            if (fields.Number is not null)
            {
                bill.Number = fields.Number;
            }

            data = SmartexJson.Bill(bill);
        }

        return SmartexJson.WriteAsync(context, StatusCodes.Status200OK, SmartexJson.Envelope(data, "merchant/bill"));
    }

    private Task DeliverBillAsync(HttpContext context)
    {
        var caller = SmartexAuthentication.Caller(context);
        lock (store.Sync)
        {
            var bill = BillFromRoute(context);
            if (caller.ResourceToken is not null && caller.ResourceToken != bill.Token)
            {
                throw SmartexErrors.Unauthorized("Invalid token: it is the resource token of another bill");
            }

            if (bill.Email is null)
            {
                throw SmartexErrors.BadRequest("The bill has no email address to deliver it to");
            }

            bill.Delivered = true;
            if (bill.Status == "draft")
            {
                bill.Status = "sent";
            }
        }

        return SmartexJson.WriteAsync(context, StatusCodes.Status200OK, new JsonObject { ["data"] = "Success" });
    }

    // ---- Rates, currencies, ledgers ---------------------------------------------------------------------------

    private static Task GetRatesAsync(HttpContext context) =>
        SmartexJson.WriteAsync(context, StatusCodes.Status200OK, SmartexJson.Envelope(new JsonArray([.. SmartexRates.Currencies.Select(JsonNode (currency) => SmartexJson.Rate(currency))])));

    private static Task GetCurrenciesAsync(HttpContext context) =>
        SmartexJson.WriteAsync(context, StatusCodes.Status200OK, SmartexJson.Envelope(new JsonArray([.. SmartexRates.Currencies.Select(JsonNode (currency) => SmartexJson.Currency(currency))])));

    /// <summary>One ledger per currency: ETH holds the Ether of complete invoices, each fiat ledger their prices.</summary>
    private Task GetLedgersAsync(HttpContext context)
    {
        var data = new JsonArray();
        lock (store.Sync)
        {
            var complete = store.Invoices.Where(invoice => invoice.Status == "complete").ToList();
            data.Add(new JsonObject { ["currency"] = "ETH", ["balance"] = SmartexJson.Normalize(complete.Sum(invoice => invoice.EthPaid)) });
            foreach (var group in complete.Where(invoice => invoice.Currency != "ETH").GroupBy(invoice => invoice.Currency).OrderBy(group => group.Key, StringComparer.Ordinal))
            {
                data.Add(new JsonObject { ["currency"] = group.Key, ["balance"] = SmartexJson.Normalize(group.Sum(invoice => invoice.Price)) });
            }
        }

        return SmartexJson.WriteAsync(context, StatusCodes.Status200OK, SmartexJson.Envelope(data, "merchant/ledger"));
    }

    // ---- Sandbox-only -----------------------------------------------------------------------------------------

    /// <summary>
    /// Sandbox-only stand-in for the dashboard page that approves a client-initiated pairing:
    /// <c>GET /smartex/api-access-request?pairingCode=XXXXXXX</c> (the URL clients print). Answers a tiny HTML page.
    /// </summary>
    private Task ApproveAccessRequestAsync(HttpContext context)
    {
        var code = SmartexRequest.Query(context.Request, "pairingCode");
        if (code is null)
        {
            return HtmlAsync(context, StatusCodes.Status400BadRequest, "Missing pairing code", "Open this page with ?pairingCode=XXXXXXX.");
        }

        lock (store.Sync)
        {
            var (approval, token) = store.Approve(code);
            return approval switch
            {
                SmartexApproval.Approved => HtmlAsync(context, StatusCodes.Status200OK, "Access request approved", "The " + token!.Facade + " token of " + token.Sin + (token.Label is null ? string.Empty : " (" + token.Label + ")") + " is now active."),
                SmartexApproval.Expired => HtmlAsync(context, StatusCodes.Status410Gone, "Pairing code expired", "The access request " + code + " expired; request a new token."),
                _ => HtmlAsync(context, StatusCodes.Status404NotFound, "Unknown pairing code", "No access request has the pairing code " + code + "."),
            };
        }
    }

    /// <summary>Sandbox-only: the hosted invoice page an invoice's <c>url</c> points to.</summary>
    private Task InvoicePageAsync(HttpContext context)
    {
        var id = SmartexRequest.Query(context.Request, "id") ?? string.Empty;
        lock (store.Sync)
        {
            if (!store.InvoicesById.TryGetValue(id, out var invoice))
            {
                return HtmlAsync(context, StatusCodes.Status404NotFound, "Unknown invoice", "There is no invoice " + id + ".");
            }

            var text = string.Create(
                CultureInfo.InvariantCulture,
                $"Pay {SmartexJson.EthAmount(invoice.EthPrice)} ETH ({SmartexJson.Normalize(invoice.Price)} {invoice.Currency}) to {SmartexJson.PaymentAddress(invoice.Id)}. Status: {invoice.Status}. Sandbox: POST {prefix}/_sandbox/invoices/{invoice.Id}/pay to pay it.");
            return HtmlAsync(context, StatusCodes.Status200OK, "Smartex sandbox invoice " + invoice.Id, text);
        }
    }

    /// <summary>Sandbox-only: <c>POST /smartex/_sandbox/pairing-codes {"facade": "pos"}</c> issues a dashboard pairing code.</summary>
    private Task IssuePairingCodeAsync(HttpContext context)
    {
        var body = SmartexBody.Parse(SmartexAuthentication.Caller(context).Body);
        var facade = body.String("facade") ?? SmartexFacades.Pos;
        if (!SmartexFacades.IsPairable(facade))
        {
            throw SmartexErrors.BadRequest("facade must be pos or merchant");
        }

        SmartexDashboardCode code;
        lock (store.Sync)
        {
            code = store.IssueDashboardCode(facade);
        }

        var data = new JsonObject { ["pairingCode"] = code.Code, ["facade"] = code.Facade, ["pairingExpiration"] = SmartexJson.Millis(code.Expires) };
        return SmartexJson.WriteAsync(context, StatusCodes.Status200OK, SmartexJson.Envelope(data));
    }

    /// <summary>Sandbox-only: <c>POST /smartex/_sandbox/invoices/{id}/pay|confirm|complete</c> moves an invoice on (and sends its IPN).</summary>
    private async Task DriveInvoiceAsync(HttpContext context, string from, string to)
    {
        var id = (string)context.Request.RouteValues["id"]!;
        SmartexInvoice invoice;
        try
        {
            invoice = await lifecycle.ChangeStatusAsync(id, from, to, context.RequestAborted).ConfigureAwait(false);
        }
        catch (KeyNotFoundException exception)
        {
            throw SmartexErrors.NotFound(exception.Message);
        }
        catch (InvalidOperationException exception)
        {
            throw SmartexErrors.Conflict(exception.Message);
        }

        JsonObject data;
        lock (store.Sync)
        {
            data = SmartexJson.Invoice(invoice, SmartexInvoiceView.Full, store.Now, OwnBase(context.Request));
        }

        await SmartexJson.WriteAsync(context, StatusCodes.Status200OK, SmartexJson.Envelope(data)).ConfigureAwait(false);
    }

    // ---- Helpers ----------------------------------------------------------------------------------------------

    private SmartexBill BillFromRoute(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["id"]!;
        return store.BillsById.GetValueOrDefault(id) ?? throw SmartexErrors.NotFound("Bill not found: " + id);
    }

    private static BillFields ReadBill(SmartexBody body, bool update)
    {
        if (body.Node("items") is not JsonArray items || items.Count == 0)
        {
            throw SmartexErrors.BadRequest("items is required: at least one item with description, price and quantity");
        }

        var lines = new List<SmartexBillItem>();
        foreach (var node in items)
        {
            if (node is not JsonObject item)
            {
                throw SmartexErrors.BadRequest("Each item must be an object with description, price and quantity");
            }

            var line = SmartexBody.Parse(Encoding.UTF8.GetBytes(item.ToJsonString()));
            var description = line.String("description") ?? throw SmartexErrors.BadRequest("Each item needs a description");
            var price = line.Decimal("price") ?? throw SmartexErrors.BadRequest("Each item needs a price");
            var quantity = line.Decimal("quantity") ?? throw SmartexErrors.BadRequest("Each item needs a quantity");
            if (price < 0 || quantity <= 0)
            {
                throw SmartexErrors.BadRequest("Item prices must not be negative and quantities must be positive");
            }

            lines.Add(new SmartexBillItem(description, price, quantity));
        }

        var currency = body.String("currency") ?? "USD";
        if (!CurrencyPattern().IsMatch(currency) || SmartexRates.Find(currency) is null)
        {
            throw SmartexErrors.BadRequest("Unsupported currency " + currency);
        }

        var status = update ? body.String("status") : null;
        if (status is not null && !SmartexRequest.BillStatuses.Contains(status, StringComparer.Ordinal))
        {
            throw SmartexErrors.BadRequest("status must be one of " + string.Join(", ", SmartexRequest.BillStatuses));
        }

        return new BillFields(
            lines,
            currency,
            body.Boolean("showRate") ?? false,
            body.Boolean("archived") ?? false,
            body.String("number"),
            body.String("name"),
            body.String("address1"),
            body.String("address2"),
            body.String("city"),
            body.String("state"),
            body.String("zip"),
            body.String("country"),
            SmartexRequest.Email(body, "email"),
            body.String("phone"),
            SmartexRequest.DateOrDateTime(body, "dueDate"),
            status);
    }

    private static async Task HtmlAsync(HttpContext context, int status, string title, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var html = "<!DOCTYPE html><html><head><title>" + WebUtility.HtmlEncode(title) + "</title></head><body><h1>"
            + WebUtility.HtmlEncode(title) + "</h1><p>" + WebUtility.HtmlEncode(text) + "</p><p><small>Smartex sandbox</small></p></body></html>\n";
        await context.Response.WriteAsync(html, Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }

    [GeneratedRegex("^[A-Za-z0-9]{7}$", RegexOptions.CultureInvariant)]
    private static partial Regex PairingCodePattern();

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9 \-_.]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();

    /// <summary>The fields of a <c>BillRequest</c> / <c>BillUpdateRequest</c>, validated.</summary>
    private sealed record BillFields(
        IReadOnlyList<SmartexBillItem> Items,
        string Currency,
        bool ShowRate,
        bool Archived,
        string? Number,
        string? Name,
        string? Address1,
        string? Address2,
        string? City,
        string? State,
        string? Zip,
        string? Country,
        string? Email,
        string? Phone,
        string? DueDate,
        string? Status)
    {
        /// <summary>PUT replaces the bill's fields (the spec's "complete bill"); the status changes only when sent.</summary>
        public void ApplyTo(SmartexBill bill)
        {
            bill.Items = Items;
            bill.Currency = Currency;
            bill.ShowRate = ShowRate;
            bill.Archived = Archived;
            bill.Name = Name;
            bill.Address1 = Address1;
            bill.Address2 = Address2;
            bill.City = City;
            bill.State = State;
            bill.Zip = Zip;
            bill.Country = Country;
            bill.Email = Email;
            bill.Phone = Phone;
            bill.DueDate = DueDate;
            if (Status is not null)
            {
                bill.Status = Status;
            }
        }
    }
}
