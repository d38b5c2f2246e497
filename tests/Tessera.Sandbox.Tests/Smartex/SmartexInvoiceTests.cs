using System.Net;
using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Tests.Smartex;

/// <summary>Invoices: creation, the status lifecycle with IPNs, expiry on the clock, listing filters and paging.</summary>
public sealed class SmartexInvoiceTests
{
    private static readonly SmartexTestKey Key = SmartexTestKey.VectorA;

    [Fact]
    public async Task Created_invoice_has_the_spec_fields()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        var pos = await sandbox.PairAsync(Key, "pos");
        var now = sandbox.Clock.GetUtcNow();

        var invoice = await sandbox.CreateInvoiceAsync(Key, pos, new { buyerName = "Ada", itemDesc = "Mug", nonce = 1.5, notificationEmail = (string?)null });

        invoice["id"]!.GetValue<string>().Length.ShouldBe(22);
        invoice["url"]!.GetValue<string>().ShouldBe(sandbox.BaseUrl + "/invoice?id=" + invoice["id"]);
        invoice["status"]!.GetValue<string>().ShouldBe("new");
        invoice["price"]!.GetValue<decimal>().ShouldBe(20m);
        invoice["currency"]!.GetValue<string>().ShouldBe("USD");
        decimal.Parse(invoice["ethPrice"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(Math.Round(20m / invoice["rate"]!.GetValue<decimal>(), 6));
        invoice["ethPaid"]!.GetValue<string>().ShouldBe("0");
        invoice["invoiceTime"]!.GetValue<long>().ShouldBe(now.ToUnixTimeMilliseconds());
        invoice["expirationTime"]!.GetValue<long>().ShouldBe(now.AddMinutes(15).ToUnixTimeMilliseconds());
        invoice["exceptionStatus"]!.GetValue<bool>().ShouldBeFalse();
        invoice["buyerFields"]!["buyerName"]!.GetValue<string>().ShouldBe("Ada");
        invoice["token"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        sandbox.State.CreatedInvoiceIds.ShouldBe([invoice["id"]!.GetValue<string>()]);
        using (var page = await sandbox.Http.GetAsync(invoice["url"]!.GetValue<string>()))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await page.Content.ReadAsStringAsync()).ShouldContain(invoice["ethPrice"]!.GetValue<string>() + " ETH");
        }

        var eth = await sandbox.CreateInvoiceAsync(Key, pos, new { price = 0.5, currency = "ETH" });
        eth["ethPrice"]!.GetValue<string>().ShouldBe("0.5");
    }

    [Theory]
    [InlineData("{\"price\":0,\"currency\":\"USD\"}")]
    [InlineData("{\"price\":-1,\"currency\":\"USD\"}")]
    [InlineData("{\"currency\":\"USD\"}")]
    [InlineData("{\"price\":10,\"currency\":\"usd\"}")]
    [InlineData("{\"price\":10,\"currency\":\"XYZ\"}")]
    [InlineData("{\"price\":\"ten\",\"currency\":\"USD\"}")]
    [InlineData("{\"price\":10,\"currency\":\"USD\",\"notificationURL\":\"http://merchant.example.com/ipn\"}")]
    [InlineData("{\"price\":10,\"currency\":\"USD\",\"transactionSpeed\":\"warp\"}")]
    public async Task Invalid_invoices_are_rejected(string fields)
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        var pos = await sandbox.PairAsync(Key, "pos");
        var body = JsonNode.Parse(fields)!.AsObject();
        body["token"] = pos;

        var reply = await sandbox.SendAsync(HttpMethod.Post, "/invoices", Key, body);

        reply.Status.ShouldBe(HttpStatusCode.BadRequest, reply.Text);
        reply.Error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Lifecycle_sends_an_ipn_on_every_status_change()
    {
        await using var receiver = await IpnReceiver.StartAsync();
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        var merchant = await sandbox.PairAsync(Key, "merchant");
        var invoice = await sandbox.CreateInvoiceAsync(Key, merchant, new { notificationURL = receiver.Url, fullNotifications = true, posData = "{\"cart\":7}" });
        var id = invoice["id"]!.GetValue<string>();

        var paid = await sandbox.OkAsync(HttpMethod.Post, "/_sandbox/invoices/" + id + "/pay");
        paid["data"]!["status"]!.GetValue<string>().ShouldBe("paid");
        await sandbox.State.ConfirmInvoiceAsync(id);
        await sandbox.State.CompleteInvoiceAsync(id);

        receiver.Received.Select(ipn => ipn["status"]!.GetValue<string>()).ShouldBe(["paid", "confirmed", "complete"]);
        var last = receiver.Received.Last();
        last.ContainsKey("data").ShouldBeFalse(); // unwrapped
        last["id"]!.GetValue<string>().ShouldBe(id);
        last["posData"]!.GetValue<string>().ShouldBe("{\"cart\":7}");
        last["ethPaid"]!.GetValue<string>().ShouldBe(invoice["ethPrice"]!.GetValue<string>());
        last["transactions"]![0]!["confirmations"]!.GetValue<int>().ShouldBe(15);
        sandbox.State.IpnDeliveries.Select(delivery => (delivery.Status, delivery.ResponseStatus)).ShouldBe([("paid", 200), ("confirmed", 200), ("complete", 200)]);

        // The IPN is verified by re-fetching the invoice.
        (await sandbox.OkAsync(HttpMethod.Get, "/invoices/" + id))["data"]!["status"]!.GetValue<string>().ShouldBe("complete");
        // Out-of-order drivers are refused.
        (await sandbox.SendAsync(HttpMethod.Post, "/_sandbox/invoices/" + id + "/pay")).Status.ShouldBe(HttpStatusCode.Conflict);
        (await sandbox.SendAsync(HttpMethod.Post, "/_sandbox/invoices/nope/pay")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_full_notifications_only_confirmed_is_announced()
    {
        await using var receiver = await IpnReceiver.StartAsync();
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        var pos = await sandbox.PairAsync(Key, "pos");
        var id = (await sandbox.CreateInvoiceAsync(Key, pos, new { notificationURL = receiver.Url }))["id"]!.GetValue<string>();

        await sandbox.State.PayInvoiceAsync(id);
        await sandbox.State.ConfirmInvoiceAsync(id);
        await sandbox.State.CompleteInvoiceAsync(id);

        receiver.Received.Select(ipn => ipn["status"]!.GetValue<string>()).ShouldBe(["confirmed"]);
    }

    [Fact]
    public async Task Unpaid_invoice_expires_on_the_clock()
    {
        await using var receiver = await IpnReceiver.StartAsync();
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        var pos = await sandbox.PairAsync(Key, "pos");
        var id = (await sandbox.CreateInvoiceAsync(Key, pos, new { notificationURL = receiver.Url, fullNotifications = true }))["id"]!.GetValue<string>();

        sandbox.Clock.Advance(TimeSpan.FromMinutes(14));
        (await sandbox.OkAsync(HttpMethod.Get, "/invoices/" + id))["data"]!["status"]!.GetValue<string>().ShouldBe("new");
        sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        (await sandbox.OkAsync(HttpMethod.Get, "/invoices/" + id))["data"]!["status"]!.GetValue<string>().ShouldBe("expired");

        receiver.Received.Single()["status"]!.GetValue<string>().ShouldBe("expired");
        await Should.ThrowAsync<InvalidOperationException>(() => sandbox.State.PayInvoiceAsync(id));
    }

    [Fact]
    public async Task Expiry_can_be_applied_without_a_request_and_unreachable_receivers_are_recorded()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync(options => options.IpnTimeout = TimeSpan.FromSeconds(2));
        var pos = await sandbox.PairAsync(Key, "pos");
        var id = (await sandbox.CreateInvoiceAsync(Key, pos, new { notificationURL = "http://127.0.0.1:9/ipn", fullNotifications = true }))["id"]!.GetValue<string>();

        sandbox.Clock.Advance(TimeSpan.FromMinutes(16));
        (await sandbox.State.AdvanceExpiryAsync()).ShouldBe(1);

        sandbox.State.GetInvoiceStatus(id).ShouldBe("expired");
        var delivery = sandbox.State.IpnDeliveries.Single();
        delivery.ResponseStatus.ShouldBeNull();
        delivery.Error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Invoice_urls_use_the_public_base_url_when_one_is_configured()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync(options => options.PublicBaseUrl = new Uri("https://smartex.example.test/"));
        var merchant = await sandbox.PairAsync(Key, "merchant");

        var created = await sandbox.CreateInvoiceAsync(Key, merchant);
        var id = created["id"]!.GetValue<string>();
        var fetched = (await sandbox.OkAsync(HttpMethod.Get, "/invoices/" + id))["data"]!;
        var listed = (await sandbox.OkAsync(HttpMethod.Get, "/invoices?token=" + merchant + "&dateStart=2025-01-01", Key))["data"]!.AsArray();

        created["url"]!.GetValue<string>().ShouldBe("https://smartex.example.test/invoice?id=" + id);
        fetched["url"]!.GetValue<string>().ShouldBe("https://smartex.example.test/invoice?id=" + id);
        listed.ShouldAllBe(invoice => invoice!["url"]!.GetValue<string>().StartsWith("https://smartex.example.test/invoice?id=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoice_list_filters_and_pages()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        var merchant = await sandbox.PairAsync(Key, "merchant");
        async Task<JsonArray> ListAsync(string query) =>
            (await sandbox.OkAsync(HttpMethod.Get, "/invoices?token=" + merchant + query, Key))["data"]!.AsArray();

        var all = await ListAsync("&dateStart=2025-01-01");
        all.Count.ShouldBe(150);
        all.ShouldAllBe(invoice => invoice!["url"]!.GetValue<string>().StartsWith(sandbox.BaseUrl + "/invoice?id=", StringComparison.Ordinal));
        var times = all.Select(invoice => invoice!["invoiceTime"]!.GetValue<long>()).ToList();
        times.ShouldBe(times.Order().ToList());

        var march = await ListAsync("&dateStart=2026-03-01&dateEnd=2026-03-10");
        march.Count.ShouldBeGreaterThan(0);
        march.Count.ShouldBeLessThan(150);
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var end = new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        march.ShouldAllBe(invoice => invoice!["invoiceTime"]!.GetValue<long>() >= start && invoice["invoiceTime"]!.GetValue<long>() < end);
        (await ListAsync("&dateStart=" + start + "&dateEnd=" + (end - 1))).Count.ShouldBe(march.Count); // epoch-ms form

        var expired = await ListAsync("&dateStart=2025-01-01&status=expired");
        expired.ShouldAllBe(invoice => invoice!["status"]!.GetValue<string>() == "expired");
        expired.Count.ShouldBeGreaterThan(0);

        var page = await ListAsync("&dateStart=2025-01-01&limit=50&offset=100");
        page.Select(invoice => invoice!["id"]!.GetValue<string>()).ShouldBe(all.Skip(100).Take(50).Select(invoice => invoice!["id"]!.GetValue<string>()));

        var order = all[3]!["orderId"]!.GetValue<string>();
        (await ListAsync("&dateStart=2025-01-01&orderId=" + order)).Single()!["orderId"]!.GetValue<string>().ShouldBe(order);

        // dateStart is optional (the Node client lists invoices without it): no lower bound.
        (await ListAsync(string.Empty)).Count.ShouldBe(all.Count);
        (await sandbox.SendAsync(HttpMethod.Get, "/invoices?token=" + merchant + "&dateStart=yesterday", Key)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await sandbox.SendAsync(HttpMethod.Get, "/invoices?token=" + merchant + "&dateStart=2025-01-01&limit=0", Key)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await sandbox.SendAsync(HttpMethod.Get, "/invoices?token=" + merchant + "&dateStart=2025-01-01&status=lost", Key)).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Same_seed_and_clock_give_the_same_invoices()
    {
        await using var first = await SmartexTestSandbox.StartAsync();
        await using var second = await SmartexTestSandbox.StartAsync();
        var firstToken = await first.PairAsync(Key, "merchant");
        var secondToken = await second.PairAsync(Key, "merchant");

        var a = await first.OkAsync(HttpMethod.Get, "/invoices?token=" + firstToken + "&dateStart=2025-01-01", Key);
        var b = await second.OkAsync(HttpMethod.Get, "/invoices?token=" + secondToken + "&dateStart=2025-01-01", Key);

        a.ToJsonString().ShouldBe(b.ToJsonString());
    }
}
