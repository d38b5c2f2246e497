using Tessera.Core.Serialization;
using Tessera.Smartex.Tests.Infrastructure;
using Newtonsoft.Json;

namespace Tessera.Smartex.Tests.Models;

/// <summary>
/// Every response schema read from a realistic payload through the generated client, then written back as the model
/// holds it (tokens scrubbed): the approved files show how each field lands in C#.
/// </summary>
public sealed class ModelSnapshotTests
{
    private static readonly Dictionary<string, Func<SmartexClient, Task<object>>> Reads = new()
    {
        ["token"] = async c => await c.CreateTokenAsync(new SmartexTokenRequest { Id = TestClients.Sin, PairingCode = TestClients.PairingCode }),
        ["token-request"] = async c => await c.CreateTokenAsync(new SmartexTokenRequest { Id = TestClients.Sin, Facade = Facade.Merchant }),
        ["tokens"] = async c => await c.GetTokensAsync(),
        ["invoice"] = async c => await c.GetInvoiceAsync(TestClients.InvoiceId),
        ["invoice-exception"] = async c => await c.GetInvoiceAsync(TestClients.InvoiceId),
        ["invoice-list"] = async c => await c.GetInvoicesAsync(new DateTimeOffset(2016, 4, 6, 0, 0, 0, TimeSpan.Zero)),
        ["bill"] = async c => await c.GetBillAsync(TestClients.BillId),
        ["bill-list"] = async c => await c.GetBillsAsync(),
        ["bill-delivery"] = async c => await c.DeliverBillAsync(new BillDeliveryRequest(), TestClients.BillId),
        ["refund-list"] = async c => await c.GetRefundsAsync(Wire.OperationCases.PaidInvoice()),
        ["refund"] = async c => await c.CreateRefundAsync(Wire.OperationCases.PaidInvoice()),
        ["rates"] = async c => await c.GetRatesAsync(),
        ["currencies"] = async c => await c.GetCurrenciesAsync(),
        ["ledgers"] = async c => await c.GetLedgersAsync(),
    };

    public static IEnumerable<object[]> PayloadNames() => Reads.Keys.Order(StringComparer.Ordinal).Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(PayloadNames))]
    public async Task Payload_is_read_into_the_generated_model(string payload)
    {
        var client = TestClients.Canned(payload).Client;

        var model = await Reads[payload](client);

        var settings = ClientJsonSettings.Create();
        settings.Formatting = Formatting.Indented;
        settings.NullValueHandling = NullValueHandling.Include;
        var scrubber = TestClients.Scrubber();
        var text = scrubber.Scrub(JsonConvert.SerializeObject(model, settings));
        scrubber.AssertNoSecrets(text);
        text.ShouldMatchApproved(b => b.SubFolder("Snapshots").WithDiscriminator(payload).WithFileExtension("json").NoDiff());
    }

    [Fact]
    public async Task Invoice_times_are_epoch_milliseconds_and_amounts_are_decimals_from_strings_or_numbers()
    {
        var invoice = (await TestClients.Canned("invoice").Client.GetInvoiceAsync(TestClients.InvoiceId)).Data;

        invoice.InvoiceTime.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1461855420000));
        invoice.ExpirationTime.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1461856320000));
        invoice.CurrentTime.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1461855430123));
        invoice.EthPrice.ShouldBe(0.0632m);
        invoice.EthPaid.ShouldBe(0m);
        invoice.Rate.ShouldBe(316.45m);
        invoice.ExRates!["EUR"].ShouldBe(291.2m);
        invoice.Price.ShouldBe(20m);
        invoice.ExceptionStatus.ShouldBe("false");
        invoice.Status.ShouldBe(SmartexInvoiceStatus.New);
        invoice.AdditionalProperties.ShouldContainKey("unknownField");
    }

    [Fact]
    public async Task Exception_status_strings_numeric_amounts_and_unknown_statuses_are_kept()
    {
        var invoice = (await TestClients.Canned("invoice-exception").Client.GetInvoiceAsync(TestClients.InvoiceId)).Data;

        invoice.Status.Value.ShouldBe("refunded");
        invoice.Status.IsKnown.ShouldBeFalse();
        invoice.ExceptionStatus.ShouldBe("paidPartial");
        invoice.Price.ShouldBe(20.50m);
        invoice.EthPrice.ShouldBe(0.0704m);
        invoice.Rate.ShouldBe(291.2m);
        invoice.InvoiceTime.ShouldBe(new DateTimeOffset(2016, 4, 28, 14, 57, 0, TimeSpan.Zero));
        var transaction = invoice.Transactions.ShouldHaveSingleItem();
        transaction.Amount.ShouldBe(0.05m);
        transaction.Time.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1461855500000));
    }

    [Fact]
    public async Task Token_dates_rates_bills_and_ledgers_read_as_typed_values()
    {
        var token = (await TestClients.Canned("token-request").Client.CreateTokenAsync(new SmartexTokenRequest { Id = TestClients.Sin, Facade = Facade.Merchant })).Data.ShouldHaveSingleItem();
        token.DateCreated.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1426118060704));
        token.PairingExpiration.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1426204460704));
        token.Facade.ShouldBe(Facade.Merchant);

        var rates = (await TestClients.Canned("rates").Client.GetRatesAsync()).Data;
        rates.Select(r => r.Rate).ShouldBe([316.45m, 291.2m, 1m]);

        var bill = (await TestClients.Canned("bill").Client.GetBillAsync(TestClients.BillId)).Data;
        bill.CreatedDate.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1461855420000));
        bill.Items!.Select(i => i.Price).ShouldBe([150.00m, 42.5m]);

        var bills = (await TestClients.Canned("bill-list").Client.GetBillsAsync()).Data;
        bills[1].Status!.Value.Value.ShouldBe("archivedByMerchant");

        var ledgers = (await TestClients.Canned("ledgers").Client.GetLedgersAsync()).Data;
        ledgers.Select(l => l.Balance).ShouldBe([1.234567m, 99.5m]);
    }
}
