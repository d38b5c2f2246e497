using Tessera.Reliability.Tests.Infrastructure;
using Tessera.Smartex;
using Tessera.SmartPay;

namespace Tessera.Reliability.Tests.Validation;

/// <summary>
/// The clients check what the specs constrain before sending, say clearly what is wrong, and send nothing.
/// </summary>
public sealed class ClientValidationTests(Faults.FaultFixture fixture) : IClassFixture<Faults.FaultFixture>
{
    [Theory(Timeout = 30_000)]
    [InlineData(0, null, "size", "between 1 and 200")]
    [InlineData(201, null, "size", "between 1 and 200")]
    [InlineData(-5, null, "size", "between 1 and 200")]
    [InlineData(10, -1, "page", "must not be negative")]
    public async Task Pax8_page_sizes_and_numbers_outside_the_spec_are_refused_before_sending(int size, int? page, string parameter, string message)
    {
        var harness = fixture[Api.Pax8];
        var before = harness.Script.Attempts.Count;

        var exception = await Should.ThrowAsync<ArgumentOutOfRangeException>(() => harness.Pax8!.FindCompaniesAsync(page: page, size: size));

        exception.ParamName.ShouldBe(parameter);
        exception.Message.ShouldContain(message);
        harness.Script.Attempts.Count.ShouldBe(before, "nothing was sent");
        (await harness.Pax8!.FindCompaniesAsync(size: 200)).Content.Count.ShouldBe(200);
    }

    [Fact(Timeout = 30_000)]
    public async Task Pax8_required_members_missing_from_a_body_are_refused_before_sending()
    {
        var harness = fixture[Api.Pax8];
        var before = harness.Script.Attempts.Count;

        var exception = await Should.ThrowAsync<ArgumentException>(() => harness.Pax8!.CreateCompanyAsync(new Pax8.CompanyCreate { Name = "No address" }));

        exception.ParamName.ShouldBe("body");
        exception.Message.ShouldContain("Property requires a value");
        harness.Script.Attempts.Count.ShouldBe(before, "nothing was sent");
    }

    public static TheoryData<string, Action<CreateConsumerRequest>, string> BadConsumers() => new()
    {
        { "country as a name", c => c.Country = "Canada", "country" },
        { "country in lower case", c => c.Country = "ca", "country" },
        { "custom id with a space", c => c.CustomConsumerId = "CRM 1001", "custom_consumer_id" },
        { "custom id too long", c => c.CustomConsumerId = new string('A', 33), "custom_consumer_id" },
    };

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(BadConsumers))]
    public async Task SmartPay_values_outside_the_spec_are_refused_before_sending(string why, Action<CreateConsumerRequest> spoil, string parameter)
    {
        var harness = fixture[Api.SmartPay];
        var consumer = Harness.NewConsumer();
        spoil(consumer);
        var before = harness.Script.AttemptsTo("POST", "create_consumer");

        var exception = await Should.ThrowAsync<ArgumentException>(() => harness.SmartPay!.CreateConsumerAsync(consumer), why);

        exception.ParamName.ShouldBe(parameter);
        harness.Script.AttemptsTo("POST", "create_consumer").ShouldBe(before, "nothing was sent");
    }

    [Fact(Timeout = 30_000)]
    public async Task SmartPay_page_numbers_start_at_one()
    {
        var exception = await Should.ThrowAsync<ArgumentOutOfRangeException>(() => fixture[Api.SmartPay].SmartPay!.GetConsumersAsync(new GetConsumersRequest { Page = 0 }));

        exception.ParamName.ShouldBe("page");
    }

    public static TheoryData<decimal, string, string> BadInvoices() => new()
    {
        { 0m, "USD", "price" },
        { -12.5m, "USD", "price" },
        { 10m, "usd", "currency" },
        { 10m, "EURO", "currency" },
        { 10m, "U$D", "currency" },
    };

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(BadInvoices))]
    public async Task Smartex_prices_and_currencies_outside_the_spec_are_refused_before_sending(decimal price, string currency, string parameter)
    {
        var harness = fixture[Api.Smartex];
        var before = harness.Script.AttemptsTo("POST", "/smartex/invoices");

        var exception = await Should.ThrowAsync<ArgumentException>(() => harness.Smartex!.CreateInvoiceAsync(new InvoiceRequest { Price = price, Currency = currency }));

        exception.ParamName.ShouldBe(parameter);
        harness.Script.AttemptsTo("POST", "/smartex/invoices").ShouldBe(before, "nothing was sent");
    }

    [Theory(Timeout = 30_000)]
    [InlineData("abc")]
    [InlineData("abcdefgh")]
    [InlineData("abc-efg")]
    [InlineData("")]
    public async Task Smartex_pairing_codes_are_seven_letters_or_digits(string code)
    {
        var harness = fixture[Api.Smartex];
        var before = harness.Script.AttemptsTo("POST", "/smartex/tokens");

        (await Should.ThrowAsync<ArgumentException>(() => harness.Smartex!.Pairing.PairWithCodeAsync(code))).Message.ShouldContain("7 letters or digits");
        (await Should.ThrowAsync<ArgumentException>(() => harness.Smartex!.CreateTokenAsync(new SmartexTokenRequest { Id = harness.Smartex.Identity.Sin, PairingCode = code }))).Message.ShouldContain("7 letters or digits");

        harness.Script.AttemptsTo("POST", "/smartex/tokens").ShouldBe(before, "nothing was sent");
    }

    [Fact(Timeout = 30_000)]
    public async Task Smartex_facades_are_pos_or_merchant()
    {
        await Should.ThrowAsync<ArgumentException>(() => fixture[Api.Smartex].Smartex!.Pairing.RequestTokenAsync("public"));
    }
}
