using System.Net;
using System.Text;
using Tessera.Smartex.Identity;
using Tessera.Smartex.Ipn;
using Tessera.Smartex.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace Tessera.Smartex.Tests.Ipn;

public sealed class IpnTests
{
    /// <summary>What the shop stored when it created the invoice of Payloads/invoice.json (20 USD, order 1001).</summary>
    private static readonly SmartexInvoiceRecord Stored = new(TestClients.InvoiceId, 20m, "USD", "1001");

    private static string Notification(Action<JObject>? change = null)
    {
        var invoice = (JObject)JObject.Parse(Payloads.Read("invoice"))["data"]!;
        change?.Invoke(invoice);
        return invoice.ToString();
    }

    private static SmartexInvoiceLookup Records(params SmartexInvoiceRecord[] records) =>
        (id, _) => ValueTask.FromResult(records.FirstOrDefault(r => r.InvoiceId == id));

    /// <summary>Payloads/invoice.json as the public view (no order id, posData or token), as a pos-only client gets it.</summary>
    private static string PublicView()
    {
        var response = JObject.Parse(Payloads.Read("invoice"));
        response["facade"] = "public/invoice";
        var data = (JObject)response["data"]!;
        data.Remove("orderId");
        data.Remove("posData");
        data.Remove("token");
        return response.ToString();
    }

    [Fact]
    public async Task A_matching_notification_is_confirmed_against_the_stored_record_with_the_merchant_view()
    {
        var (client, transport) = TestClients.Canned("invoice");

        var confirmed = await new SmartexIpn(client).ConfirmAsync(Notification(), Records(Stored));

        confirmed.Invoice.Id.ShouldBe(TestClients.InvoiceId);
        confirmed.Record.ShouldBe(Stored);
        confirmed.Status.ShouldBe(SmartexInvoiceStatus.New);
        confirmed.IsSettled.ShouldBeFalse();
        confirmed.IsPublicView.ShouldBeFalse();
        var request = transport.Requests.ShouldHaveSingleItem();
        request.Uri.AbsolutePath.ShouldBe("/invoices/" + TestClients.InvoiceId);
        request.QueryToken.ShouldBe(TestClients.MerchantToken);
        request.Header(SmartexHeaders.Signature).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_notified_status_that_differs_yields_the_authoritative_one()
    {
        var (client, _) = TestClients.Canned("invoice");

        var confirmed = await new SmartexIpn(client).ConfirmAsync(Notification(i => i["status"] = "confirmed"), Records(Stored));

        confirmed.NotifiedStatus.ShouldBe(SmartexInvoiceStatus.Confirmed);
        confirmed.Status.ShouldBe(SmartexInvoiceStatus.New);
        confirmed.StatusChanged.ShouldBeTrue();
        confirmed.IsSettled.ShouldBeFalse("the notification's status is never believed");
    }

    [Theory]
    [InlineData("price", "2000")]
    [InlineData("currency", "EUR")]
    [InlineData("posData", "{\"orderId\":\"6666\"}")]
    [InlineData("orderId", "6666")]
    [InlineData("url", "https://test.smartex.io/invoice?id=AbCdEfGhIjKlMnOpQrStUv")]
    public async Task A_notification_that_disagrees_on_an_immutable_field_is_rejected(string field, string value)
    {
        var (client, _) = TestClients.Canned("invoice");

        var exception = await Should.ThrowAsync<SmartexIpnRejectedException>(() => new SmartexIpn(client).ConfirmAsync(Notification(i => i[field] = value), Records(Stored)));

        exception.Reason.ShouldBe(SmartexIpnRejection.InvoiceMismatch);
        exception.Mismatches.ShouldBe([field]);
        exception.InvoiceId.ShouldBe(TestClients.InvoiceId);
        exception.StatusCode.ShouldBe(400);
        exception.Message.ShouldNotContain(value);
    }

    [Fact]
    public async Task Attack_a_notification_relabelled_with_another_order_is_rejected_in_merchant_mode()
    {
        // The attacker pays a cheap invoice of their own and relabels the notification with the victim's order;
        // the shop's record of that invoice (or its absence) decides, never the notification.
        var (client, transport) = TestClients.Canned("invoice");
        var victimOrder = new SmartexInvoiceRecord(TestClients.InvoiceId, 20m, "USD", "victim-order-250");

        var exception = await Should.ThrowAsync<SmartexIpnRejectedException>(() =>
            new SmartexIpn(client).ConfirmAsync(Notification(i => i["orderId"] = "victim-order-250"), Records(victimOrder)));

        exception.Reason.ShouldBe(SmartexIpnRejection.RecordMismatch);
        exception.Mismatches.ShouldBe(["orderId"]);
        transport.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Attack_a_cheap_invoice_carrying_the_victim_order_id_is_rejected_in_merchant_mode()
    {
        // 0.01 USD created through the pos facade with the victim's order id: Smartex's view agrees with the
        // notification, but not with what the shop stored for the 250 USD order.
        var cheap = Payloads.Read("invoice").Replace("\"price\":20", "\"price\":0.01", StringComparison.Ordinal).Replace("\"orderId\":\"1001\"", "\"orderId\":\"order-1042\"", StringComparison.Ordinal);
        var (client, _) = TestClients.Canned(_ => RecordingHandler.Json(cheap));
        var shopRecord = new SmartexInvoiceRecord(TestClients.InvoiceId, 250m, "USD", "order-1042");

        var exception = await Should.ThrowAsync<SmartexIpnRejectedException>(() =>
            new SmartexIpn(client).ConfirmAsync(Notification(i => { i["price"] = 0.01m; i["orderId"] = "order-1042"; }), Records(shopRecord)));

        exception.Reason.ShouldBe(SmartexIpnRejection.RecordMismatch);
        exception.Mismatches.ShouldBe(["price"]);
    }

    [Fact]
    public async Task Attack_an_invoice_the_shop_never_created_is_rejected_without_contacting_smartex()
    {
        var (client, transport) = TestClients.Canned("invoice");

        var exception = await Should.ThrowAsync<SmartexIpnRejectedException>(() =>
            new SmartexIpn(client).ConfirmAsync(Notification(i => i["id"] = "Forged0000000000000000"), Records(Stored)));

        exception.Reason.ShouldBe(SmartexIpnRejection.NotCreatedByThisApplication);
        transport.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Attack_in_pos_only_mode_the_public_view_fails_closed()
    {
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(PublicView()), facades: ["pos"]);

        var exception = await Should.ThrowAsync<SmartexIpnRejectedException>(() =>
            new SmartexIpn(client).ConfirmAsync(Notification(i => i["orderId"] = "victim-order-250"), Records(Stored)));

        exception.Reason.ShouldBe(SmartexIpnRejection.PublicViewOnly);
        exception.StatusCode.ShouldBe(503);
        transport.Requests.ShouldHaveSingleItem().Header(SmartexHeaders.Signature).ShouldBeNull();
    }

    [Fact]
    public async Task Attack_in_pos_only_mode_with_the_public_view_accepted_the_stored_record_names_the_order()
    {
        var (client, _) = TestClients.Canned(_ => RecordingHandler.Json(PublicView()), o => o.Ipn.AcceptPublicView = true, facades: ["pos"]);

        var confirmed = await new SmartexIpn(client).ConfirmAsync(Notification(i => i["orderId"] = "victim-order-250"), Records(Stored));

        confirmed.IsPublicView.ShouldBeTrue();
        confirmed.Record.OrderId.ShouldBe("1001", "the relabelled order id in the notification is never handed back");
        confirmed.Invoice.OrderId.ShouldBeNull();
    }

    [Fact]
    public async Task Attack_in_pos_only_mode_a_cheap_invoice_is_rejected_by_the_stored_price()
    {
        var cheap = PublicView().Replace("\"price\": 20", "\"price\": 0.01", StringComparison.Ordinal);
        cheap.ShouldNotBe(PublicView());
        var (client, _) = TestClients.Canned(_ => RecordingHandler.Json(cheap), o => o.Ipn.AcceptPublicView = true, facades: ["pos"]);

        var exception = await Should.ThrowAsync<SmartexIpnRejectedException>(() =>
            new SmartexIpn(client).ConfirmAsync(Notification(i => i["price"] = 0.01m), Records(Stored)));

        exception.Reason.ShouldBe(SmartexIpnRejection.RecordMismatch);
        exception.Mismatches.ShouldBe(["price"]);
    }

    [Fact]
    public async Task Attack_a_thousand_forged_notifications_do_not_delay_a_real_call()
    {
        // The client's own budget is one request a minute: any IPN re-fetch charged to it would starve the real call.
        var created = 0;
        var (client, transport) = TestClients.Canned(
            request =>
            {
                if (request.Method == HttpMethod.Post)
                {
                    Interlocked.Increment(ref created);
                }

                return RecordingHandler.Json(Payloads.Read("invoice"));
            },
            o =>
            {
                o.RequestsPerMinute = 1;
                o.Ipn.RefetchesPerMinute = 5;
                o.Ipn.CoalesceWindow = TimeSpan.Zero;
            });
        var ipn = new SmartexIpn(client);
        var forgedRecords = new Dictionary<string, SmartexInvoiceRecord>(StringComparer.Ordinal);
        var forged = Enumerable.Range(0, 1000).Select(i =>
        {
            var id = "Forged" + i.ToString("D16", System.Globalization.CultureInfo.InvariantCulture).Replace('0', 'z');
            forgedRecords[id] = Stored with { InvoiceId = id };
            return Notification(n => n["id"] = id);
        }).ToList();
        SmartexInvoiceLookup lookup = (id, _) => ValueTask.FromResult(forgedRecords.GetValueOrDefault(id));

        var outcomes = await Task.WhenAll(forged.Select(async body =>
        {
            try
            {
                await ipn.ConfirmAsync(body, lookup);
                return (SmartexIpnRejection?)null;
            }
            catch (SmartexIpnRejectedException rejected)
            {
                return rejected.Reason;
            }
        }));
        var invoice = await client.CreateInvoiceAsync(Wire.OperationCases.NewInvoice()).WaitAsync(TimeSpan.FromSeconds(10));

        invoice.Data.ShouldNotBeNull();
        created.ShouldBe(1);
        outcomes.Count(o => o == SmartexIpnRejection.Throttled).ShouldBe(995);
        transport.Requests.Count(r => r.Method == "GET").ShouldBe(5, "forged IPNs cost at most their own budget");
    }

    [Fact]
    public async Task Notifications_of_one_invoice_within_the_window_share_one_re_fetch()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("invoice")), o => o.TimeProvider = clock);
        var ipn = new SmartexIpn(client);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => ipn.ConfirmAsync(Notification(), Records(Stored))));
        clock.Advance(TimeSpan.FromSeconds(9));
        await ipn.ConfirmAsync(Notification(), Records(Stored));
        transport.Requests.Count.ShouldBe(1);

        clock.Advance(TimeSpan.FromSeconds(2));
        await ipn.ConfirmAsync(Notification(), Records(Stored));
        transport.Requests.Count.ShouldBe(2, "after the window the invoice is fetched again");
    }

    [Theory]
    [InlineData("../bills/x")]
    [InlineData("AbCd/../../ledgers")]
    [InlineData("AbCd%2F..%2Fledgers")]
    [InlineData("AbCd?token=x")]
    [InlineData("Ab Cd")]
    [InlineData("AbCdEfGhIjKlMnOpQrStUvAbCdEfGhIjKlMnOpQrStUvAbCdEfGhIjKlMnOpQrStUvXyZ")]
    public async Task An_id_that_could_change_the_request_path_is_rejected_before_the_lookup_or_a_request(string id)
    {
        var (client, transport) = TestClients.Canned("invoice");
        var looked = false;

        var exception = await Should.ThrowAsync<SmartexIpnRejectedException>(() => new SmartexIpn(client).ConfirmAsync(
            Notification(i => i["id"] = id),
            (_, _) =>
            {
                looked = true;
                return ValueTask.FromResult<SmartexInvoiceRecord?>(Stored);
            }));

        exception.Reason.ShouldBe(SmartexIpnRejection.MalformedNotification);
        looked.ShouldBeFalse();
        transport.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_body_over_the_limit_is_rejected_after_reading_at_most_the_limit()
    {
        var (client, transport) = TestClients.Canned("invoice", facades: ["merchant"]);
        var huge = new CountingStream(28 * 1024 * 1024);

        var exception = await Should.ThrowAsync<SmartexIpnRejectedException>(() => new SmartexIpn(client).ConfirmAsync(huge, Records(Stored)));

        exception.Reason.ShouldBe(SmartexIpnRejection.TooLarge);
        exception.StatusCode.ShouldBe(413);
        huge.BytesRead.ShouldBeLessThanOrEqualTo(new SmartexIpnOptions().MaxBodyBytes + (16 * 1024));
        transport.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stream_body_within_the_limit_is_confirmed()
    {
        var (client, _) = TestClients.Canned("invoice");
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(Notification()));

        (await new SmartexIpn(client).ConfirmAsync(body, Records(Stored))).Record.ShouldBe(Stored);
    }

    [Fact]
    public async Task An_unknown_invoice_is_rejected()
    {
        var (client, _) = TestClients.Canned(_ => RecordingHandler.Json("{\"error\":\"Object not found\"}", HttpStatusCode.NotFound));
        var forged = Stored with { InvoiceId = "Forged1111111111111111" };

        var exception = await Should.ThrowAsync<SmartexIpnRejectedException>(() => new SmartexIpn(client).ConfirmAsync(Notification(i => i["id"] = forged.InvoiceId), Records(forged)));

        exception.Reason.ShouldBe(SmartexIpnRejection.UnknownInvoice);
        exception.InvoiceId.ShouldBe(forged.InvoiceId);
        exception.InnerException.ShouldBeOfType<SmartexErrorException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"status\":\"paid\"}")]
    public async Task A_malformed_body_is_rejected_without_a_request(string body)
    {
        var (client, transport) = TestClients.Canned("invoice");

        var exception = await Should.ThrowAsync<SmartexIpnRejectedException>(() => new SmartexIpn(client).ConfirmAsync(body, Records(Stored)));

        exception.Reason.ShouldBe(SmartexIpnRejection.MalformedNotification);
        transport.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_transient_failure_of_the_re_fetch_propagates_so_the_receiver_answers_5xx()
    {
        var (client, _) = TestClients.Canned(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

        var exception = await Should.ThrowAsync<SmartexApiException>(() => new SmartexIpn(client).ConfirmAsync(Notification(), Records(Stored)));

        exception.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public void Parse_reads_the_unwrapped_invoice_with_lenient_values()
    {
        var invoice = SmartexIpn.Parse(Notification(i => i["exceptionStatus"] = "paidOver"));

        invoice.Id.ShouldBe(TestClients.InvoiceId);
        invoice.EthPrice.ShouldBe(0.0632m);
        invoice.ExceptionStatus.ShouldBe("paidOver");
        invoice.InvoiceTime.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1461855420000));
    }

    /// <summary>An endless body of spaces that counts what was read from it.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
