using System.Net;
using System.Text;
using Tessera.SmartPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.Conventions.Tests.Docs;

/// <summary>
/// The webhook handler of docs/smartpay.md, behind the real endpoint: a topic-swapped replay of a genuine delivery
/// carries a valid signature, and the documented handler still ships nothing, because it acts on what the API says.
/// </summary>
public sealed class DocumentedWebhookHandlerTests
{
    private const string ApiKey = "sp_docs_key_4f81a0c2";
    private const string Body = """{"data":{"order_custom_id":"WC10042","payment_method":"e"},"is_dummy":false}""";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Attack_a_topic_swapped_invoice_paid_ships_only_when_the_api_says_the_invoice_is_paid(bool paid)
    {
        var shipping = new RecordingShipping();
        var smartPay = new FakeSmartPay(paid);
        await using var app = await StartAsync(shipping, smartPay);
        var client = app.GetTestClient();

        // The genuine invoice/created delivery, then the same body under invoice/paid: both carry a valid signature.
        (await client.SendAsync(Delivery(SmartPayWebhookTopics.InvoiceCreated))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.SendAsync(Delivery(SmartPayWebhookTopics.InvoicePaid))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.SendAsync(Delivery(SmartPayWebhookTopics.InvoicePaid))).StatusCode.ShouldBe(HttpStatusCode.OK); // a replay

        // Notifications are handled one at a time in arrival order: once the sentinel's order is queried, the others are done.
        (await client.SendAsync(Delivery(SmartPayWebhookTopics.OrderCreated, Body.Replace("WC10042", "SENTINEL", StringComparison.Ordinal)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await smartPay.SentinelQueried.Task.WaitAsync(TimeSpan.FromSeconds(10));

        smartPay.OrderQueries.ShouldBe(3, "created, paid and the sentinel; the replay was not handled again");
        lock (shipping.Shipped)
        {
            shipping.Shipped.Distinct().ToList().ShouldBe(paid ? ["oRd001"] : [], "the handler ships on the API's word, never on the topic header");
        }
    }

    private static HttpRequestMessage Delivery(string topic, string body = Body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/smartpay") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(SmartPayWebhookVerifier.TopicHeader, topic);
        request.Headers.Add(SmartPayWebhookVerifier.SignatureHeader, SmartPayWebhookVerifier.ComputeSignature(Encoding.UTF8.GetBytes(body), ApiKey));
        return request;
    }

    private static async Task<WebApplication> StartAsync(RecordingShipping shipping, FakeSmartPay smartPay)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<SmartPayExamples.IShipping>(shipping);
        builder.Services.AddSmartPayClient(o =>
        {
            o.ApiKey = ApiKey;
            o.TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            o.RequestsPerMinute = 0;
        }).ConfigurePrimaryHttpMessageHandler(() => smartPay);
        builder.Services.AddSmartPayWebhookHandler<SmartPayExamples.PaidInvoices>();
        var app = builder.Build();
        app.MapSmartPayWebhook("/webhooks/smartpay");
        await app.StartAsync();
        return app;
    }

    private sealed class RecordingShipping : SmartPayExamples.IShipping
    {
        public List<string> Shipped { get; } = [];

        public Task ShipOnceAsync(string orderId, CancellationToken cancellationToken)
        {
            lock (Shipped)
            {
                Shipped.Add(orderId);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>SmartPay as the handler sees it: one order for WC10042, its invoice paid or not.</summary>
    private sealed class FakeSmartPay(bool paid) : HttpMessageHandler
    {
        private int _orderQueries;

        public TaskCompletionSource SentinelQueried { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int OrderQueries => Volatile.Read(ref _orderQueries);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var operation = request.RequestUri!.Segments[^1];
            var form = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            if (operation == "get_orders")
            {
                Interlocked.Increment(ref _orderQueries);
                if (form.Contains("custom_order_id=SENTINEL", StringComparison.Ordinal))
                {
                    SentinelQueried.TrySetResult();
                    return Json("""{"page":1,"total_pages":1,"result":[]}""");
                }
            }

            var datePaid = paid ? "\"2026-01-01 14:00:00\"" : "null";
            return Json(operation switch
            {
                "authenticate" => """{"result":{"token":"tok_docs_1","expires_on":"2026-01-01 01:00:00"}}""",
                "get_orders" => """{"page":1,"total_pages":1,"result":[{"order_id":"oRd001","custom_order_id":"WC10042"}]}""",
                "get_invoices" => $$"""{"page":1,"total_pages":1,"result":[{"invoice_id":"iNv001","order_id":"oRd001","date_paid":{{datePaid}}}]}""",
                _ => """{"result":{"status":"success"}}""",
            });
        }

        private static HttpResponseMessage Json(string json) =>
            new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
