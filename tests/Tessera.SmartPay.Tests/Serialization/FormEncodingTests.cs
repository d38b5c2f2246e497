using Tessera.SmartPay.Tests.Infrastructure;

namespace Tessera.SmartPay.Tests.Serialization;

/// <summary>What SmartPay reads from a form body: booleans true/false, UTC timestamps without T or offset, invariant numbers.</summary>
public sealed class FormEncodingTests
{
    private static async Task<Dictionary<string, string>> SentFieldsAsync(Func<SmartPayClient, Task> call)
    {
        var (client, transport) = TestClients.Canned(TestClients.Success);
        await call(client);
        return WireFormatter.FormFields(transport.Requests.Single(r => !TestClients.IsAuthenticate(r)).Body);
    }

    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public async Task Booleans_are_sent_lowercase(bool isDummy, string expected)
    {
        var consumer = Wire.OperationCases.NewConsumer();
        consumer.IsDummy = isDummy;

        var fields = await SentFieldsAsync(c => c.CreateConsumerAsync(consumer));

        fields["is_dummy"].ShouldBe(expected);
    }

    [Fact]
    public async Task Timestamps_are_sent_as_utc_without_T_or_offset()
    {
        var fields = await SentFieldsAsync(c => c.GetInvoicesAsync(new GetInvoicesRequest
        {
            CreatedFrom = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero),
            CreatedTo = new DateTimeOffset(2026, 3, 4, 20, 0, 0, TimeSpan.FromHours(-5)),
        }));

        fields["created_from"].ShouldBe("2026-03-04 05:06:07");
        fields["created_to"].ShouldBe("2026-03-05 01:00:00");
    }

    [Fact]
    public async Task Amounts_keep_their_decimals_in_invariant_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("fr-CA");
        try
        {
#pragma warning disable CS0618
            var fields = await SentFieldsAsync(c => c.ModifyOrderAsync(new ModifyOrderRequest { OrderId = "o", RecurringAmount = 1234.50m }));
#pragma warning restore CS0618

            fields["recurring_amount"].ShouldBe("1234.50");
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task Unset_optional_fields_are_not_sent_and_page_defaults_to_1()
    {
        var fields = await SentFieldsAsync(c => c.GetOrdersAsync(new GetOrdersRequest()));

        fields.Keys.ShouldBe(["token", "page"], ignoreOrder: true);
        fields["page"].ShouldBe("1");
    }

    [Fact]
    public async Task A_token_already_present_is_replaced_not_duplicated()
    {
        var request = new DeleteWebhookRequest { WebhookId = "w" };
        request.AdditionalProperties["token"] = "stale-token-value";

        var (client, transport) = TestClients.Canned(TestClients.Success);
        await client.DeleteWebhookAsync(request);

        var body = transport.Requests.Single(r => !TestClients.IsAuthenticate(r)).Body!;
        body.Split('&').Count(f => f.StartsWith("token=", StringComparison.Ordinal)).ShouldBe(1);
        WireFormatter.FormFields(body)["token"].ShouldBe(TestClients.Token);
    }
}
