using Tessera.SmartPay.Tests.Infrastructure;
using Tessera.SmartPay.Tests.Wire;

namespace Tessera.SmartPay.Tests.Docs;

/// <summary>
/// Every response example of the SmartPay v1.2 docs (as quoted in the project reference smartpay.md and in the spec's
/// <c>examples</c>), read by the generated client over an in-memory transport: each success example is a result, each
/// error example a <see cref="SmartPayErrorResponseException"/> with exactly its codes.
/// </summary>
public sealed class DocumentedResponseTests
{
    public static TheoryData<string, string, string> Successes() => new()
    {
        // README / spec example (authenticate 200) and §1.3.
        { "authenticate: README", "authenticate", """{"result":{"token":"DEF456","expires_on":"2018-01-01 13:00:00"}}""" },
        // §2.3: the real v1.0 answer echoed the inputs and requested_on at the top level.
        { "authenticate: v1.0 screenshot", "authenticate", """{"requested_on":"2018-12-02 15:05:00","api_key":"echoed","format":"json","result":{"token":"q8Hn2vT0xKp4sW7zLm1c","expires_on":"2018-12-02 16:05:00"}}""" },
        // Spec example of get_consumers 200, §1.4.
        { "get_consumers: page", "getConsumers", """{"page":1,"total_pages":1,"result":[{"consumer_id":"aBc123","custom_consumer_id":"aBc123","name":"John Smith","email":"john.smith@email.com","phone":"555-555-5555","street_address":"123 Street","city":"Toronto","province_state":"ON","country":"CA","postal_code":"M1M 1M1","is_dummy":false,"number_of_orders":3,"amount_purchased":150.00}]}""" },
        // §1.5 result, and §2.3 the v1.0 echo with is_dummy as 1.
        { "create_consumer: README", "createConsumer", """{"result":{"consumer_id":"aBc123"}}""" },
        { "create_consumer: v1.0 screenshot", "createConsumer", """{"requested_on":"2018-12-02 15:06:00","token":"echoed","format":"json","first_name":"Bob","is_dummy":1,"result":{"consumer_id":"aBc123"}}""" },
        // §1.6 (revised: the id only) and the original v1.2 full record.
        { "modify_consumer: revised", "modifyConsumer", """{"result":{"consumer_id":"aBc123"}}""" },
        { "modify_consumer: original v1.2", "modifyConsumer", """{"result":{"consumer_id":"aBc123","custom_consumer_id":"aBc123","name":"John Smith","email":"john.smith@email.com","phone":"555-555-5555","street_address":"123 Street","city":"Toronto","province_state":"ON","country":"CA","postal_code":"M1M 1M1","is_dummy":false}}""" },
        // §1.7.
        { "delete_consumer", "deleteConsumer", """{"result":{"status":"success"}}""" },
        // §1.8 table values.
        { "get_orders", "getOrders", """{"page":1,"total_pages":1,"result":[{"order_id":"aBc123","custom_order_id":"aBc123","consumer_id":"aBc123","name":"John Smith","is_dummy":true,"is_enabled":true,"number_of_invoices":2}]}""" },
        // §1.9 table values (date_failed documented as null while there is no problem).
        { "get_invoices", "getInvoices", """{"page":1,"total_pages":1,"result":[{"invoice_id":"aBc123","order_id":"aBc123","consumer_id":"aBc123","name":"John Smith","amount":10.00,"amount_discounted":10.00,"payment_method":"d","is_dummy":true,"is_enabled":true,"date_paid":"2018-01-01 12:00:00","date_failed":null}]}""" },
        // §1.10-§1.13.
        { "get_webhooks", "getWebhooks", """{"page":1,"total_pages":1,"result":[{"webhook_id":"aBc123","topic":"invoice/created","url":"https://site.com/webhooks"}]}""" },
        { "create_webhook", "createWebhook", """{"result":{"webhook_id":"aBc123"}}""" },
        { "modify_webhook", "modifyWebhook", """{"result":{"webhook_id":"aBc123"}}""" },
        { "delete_webhook", "deleteWebhook", """{"result":{"status":"success"}}""" },
        // §1.14 original-v1.2 operations: status success or failure.
        { "cancel_order", "cancelOrder", """{"result":{"status":"success"}}""" },
        { "cancel_invoice: failure status", "cancelInvoice", """{"result":{"status":"failure"}}""" },
    };

    public static TheoryData<string, string, string, string[]> Errors() => new()
    {
        // README / seed / spec example: {"errors": {"1001": "Invalid key"}} with HTTP 200.
        { "authenticate: invalid key", "authenticate", """{"errors":{"1001":"Invalid key"}}""", ["1001"] },
        // §5 A2: the 2018 array-of-pairs form.
        { "authenticate: 2018 pairs", "authenticate", """{"errors":[[789,"Incorrect key"]]}""", ["789"] },
        // §1.15 scheme B codes, each where it applies.
        { "create_consumer: email exists", "createConsumer", """{"errors":{"4654":"Unable to create consumer because email address already exists."}}""", ["4654"] },
        { "delete_consumer: orders exist", "deleteConsumer", """{"errors":{"1754":"Unable to delete consumer because orders for this consumer already exist. If this is a dummy consumer, all associated data will eventually be automatically deleted."}}""", ["1754"] },
        { "cancel_order: already cancelled", "cancelOrder", """{"errors":{"9782":"Unable to modify or cancel order because order has already been cancelled."}}""", ["9782"] },
        { "cancel_invoice: already cancelled", "cancelInvoice", """{"errors":{"7643":"Unable to cancel invoice because invoice has already been cancelled."}}""", ["7643"] },
        { "get_orders: invalid id, with a warning", "getOrders", """{"errors":{"8344":"Invalid ID"},"warnings":{"2201":"An input parameter is invalid, and was therefore ignored"}}""", ["8344"] },
        { "create_webhook: mandatory input", "createWebhook", """{"errors":{"7389":"A mandatory input parameter wasn't found or was invalid."}}""", ["7389"] },
        { "get_webhooks: our end", "getWebhooks", """{"errors":{"6859":"It's not you, it's us; something apparently went wrong on our end."}}""", ["6859"] },
    };

    [Theory]
    [MemberData(nameof(Successes))]
    public async Task A_documented_success_reads_as_a_result(string example, string operation, string json)
    {
        var client = ClientAnswering(operation, json);

        var result = await Call(client, operation);

        result.ShouldNotBeNull(example);
        result.GetType().GetProperty("Result")!.GetValue(result).ShouldNotBeNull(example);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task A_documented_error_is_a_typed_exception_with_its_codes(string example, string operation, string json, string[] codes)
    {
        var client = ClientAnswering(operation, json);

        var exception = await Should.ThrowAsync<SmartPayErrorResponseException>(() => Call(client, operation), example);

        exception.StatusCode.ShouldBe(200);
        exception.Errors.Keys.ShouldBe(codes, ignoreOrder: true);
        exception.Errors.Values.ShouldAllBe(message => message.Length > 0);
    }

    // authenticate itself answers the example; any other operation gets a valid session first.
    private static SmartPayClient ClientAnswering(string operation, string json)
    {
        var transport = new RecordingHandler(request => TestClients.IsAuthenticate(request) && operation != "authenticate"
            ? TestClients.Json(Payloads.Read("authenticate"))
            : TestClients.Json(json));
        return SmartPayClient.Create(TestClients.Options(), primaryHandler: transport);
    }

#pragma warning disable CS0618 // The deprecated original-v1.2 operations have documented responses too.
    private static async Task<object> Call(SmartPayClient client, string operation) => operation switch
    {
        "authenticate" => await client.AuthenticateAsync(new AuthenticateRequest { ApiKey = TestClients.ApiKey }),
        "getConsumers" => await client.GetConsumersAsync(new GetConsumersRequest()),
        "createConsumer" => await client.CreateConsumerAsync(OperationCases.NewConsumer()),
        "modifyConsumer" => await client.ModifyConsumerAsync(new ModifyConsumerRequest { ConsumerId = "aBc123", City = "Toronto" }),
        "deleteConsumer" => await client.DeleteConsumerAsync(new DeleteConsumerRequest { ConsumerId = "aBc123" }),
        "getOrders" => await client.GetOrdersAsync(new GetOrdersRequest()),
        "getInvoices" => await client.GetInvoicesAsync(new GetInvoicesRequest()),
        "getWebhooks" => await client.GetWebhooksAsync(new GetWebhooksRequest()),
        "createWebhook" => await client.CreateWebhookAsync(new CreateWebhookRequest { Topic = SmartPayWebhookTopics.InvoicePaid, Url = new Uri("https://site.com/webhooks") }),
        "modifyWebhook" => await client.ModifyWebhookAsync(new ModifyWebhookRequest { WebhookId = "aBc123", Url = new Uri("https://site.com/webhooks") }),
        "deleteWebhook" => await client.DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = "aBc123" }),
        "cancelOrder" => await client.CancelOrderAsync(new CancelOrderRequest { OrderId = "aBc123" }),
        "cancelInvoice" => await client.CancelInvoiceAsync(new CancelInvoiceRequest { InvoiceId = "aBc123" }),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "no call for this operation"),
    };
#pragma warning restore CS0618
}
