using System.Globalization;
using Tessera.Sandbox.SmartPay;

namespace Tessera.Sandbox.Tests.SmartPay;

/// <summary>One authenticated, read-only sandbox shared by the list tests.</summary>
public sealed class SharedSmartPaySandbox : IAsyncLifetime
{
    internal SmartPayTestSandbox Sandbox { get; private set; } = null!;

    public async Task InitializeAsync() => Sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync();

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();
}

public sealed class SmartPayListTests : IClassFixture<SharedSmartPaySandbox>
{
    private readonly SmartPayTestSandbox sandbox;

    public SmartPayListTests(SharedSmartPaySandbox shared) => sandbox = shared.Sandbox;

    private SmartPayStore Store => sandbox.State.Store;

    [Fact]
    public async Task Consumers_page_100_at_a_time_260_make_3_pages_of_100_100_and_60()
    {
        var sizes = new List<int>();
        var ids = new HashSet<string>();
        for (var page = 1; page <= 4; page++)
        {
            var body = await sandbox.CallAsync("get_consumers", ("page", page.ToString(CultureInfo.InvariantCulture)));
            body.ShouldBeSuccess();
            body["page"]!.GetValue<int>().ShouldBe(page);
            body["total_pages"]!.GetValue<int>().ShouldBe(3);
            var results = body.Results();
            sizes.Add(results.Count);
            ids.UnionWith(results.Select(consumer => consumer["consumer_id"].Text()));
        }

        sizes.ShouldBe([100, 100, 60, 0]);
        ids.Count.ShouldBe(260);
        sandbox.State.ConsumerCount.ShouldBe(260);
    }

    [Fact]
    public async Task Page_defaults_to_1_and_must_be_a_whole_number_from_1()
    {
        var first = await sandbox.CallAsync("get_orders");
        first["page"]!.GetValue<int>().ShouldBe(1);
        first.Results().Count.ShouldBe(100);

        (await sandbox.CallAsync("get_orders", ("page", "0"))).ShouldBeError("7389");
        (await sandbox.CallAsync("get_orders", ("page", "two"))).Field("page").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Orders_and_invoices_are_seeded_in_the_hundreds_with_every_invoice_state()
    {
        sandbox.State.OrderCount.ShouldBe(300);
        sandbox.State.InvoiceCount.ShouldBeGreaterThan(300);
        var invoices = await sandbox.GetAllAsync("get_invoices");
        invoices.Count.ShouldBe(sandbox.State.InvoiceCount);
        (await sandbox.CallAsync("get_invoices"))["total_pages"]!.GetValue<int>().ShouldBe((invoices.Count + 99) / 100);

        invoices.ShouldContain(invoice => invoice["date_paid"] != null && invoice["is_enabled"].Text() == "true");
        invoices.ShouldContain(invoice => invoice["date_failed"] != null && invoice["date_paid"] == null);
        invoices.ShouldContain(invoice => invoice["date_paid"] == null && invoice["date_failed"] == null && invoice["is_enabled"].Text() == "true");
        invoices.ShouldContain(invoice => invoice["is_enabled"].Text() == "false");
        invoices.ShouldAllBe(invoice => invoice["amount"].Text().Contains('.'));
        invoices.Select(invoice => invoice["invoice_id"].Text()).Distinct().Count().ShouldBe(invoices.Count);
    }

    [Fact]
    public async Task Consumer_filters_match_by_ids_name_email_and_creation_time()
    {
        var order = Store.Orders[17];
        var consumer = Store.ConsumersById[order.ConsumerId];
        var invoice = order.Invoices[0];

        (await sandbox.CallAsync("get_consumers", ("consumer_id", consumer.Id))).Results().Single()["email"].Text().ShouldBe(consumer.Email);
        (await sandbox.CallAsync("get_consumers", ("order_id", order.Id))).Results().Single()["consumer_id"].Text().ShouldBe(consumer.Id);
        (await sandbox.CallAsync("get_consumers", ("invoice_id", invoice.Id))).Results().Single()["consumer_id"].Text().ShouldBe(consumer.Id);
        (await sandbox.CallAsync("get_consumers", ("email", consumer.Email.ToUpperInvariant()))).Results().Single()["consumer_id"].Text().ShouldBe(consumer.Id);
        (await sandbox.CallAsync("get_consumers", ("order_id", "nosuchorder"))).Results().ShouldBeEmpty();

        var withCustomId = Store.Consumers.First(candidate => candidate.CustomId is not null);
        (await sandbox.CallAsync("get_consumers", ("custom_consumer_id", withCustomId.CustomId!))).Results()
            .ShouldContain(result => result["consumer_id"].Text() == withCustomId.Id);
        (await sandbox.CallAsync("get_consumers", ("custom_consumer_id", new string('x', 33)))).ShouldBeError("7389");

        var byName = await sandbox.GetAllAsync("get_consumers", ("name", "TREMB"));
        byName.Count.ShouldBe(Store.Consumers.Count(candidate => candidate.Name.Contains("Tremb", StringComparison.OrdinalIgnoreCase)));
        byName.ShouldAllBe(result => result["name"].Text().Contains("Tremblay"));
        var accented = await sandbox.GetAllAsync("get_consumers", ("name", "cote"));
        accented.ShouldAllBe(result => result["name"].Text().Contains("Côté"));

        var from = Store.Consumers[50].CreatedOn;
        var to = Store.Consumers[149].CreatedOn;
        var inRange = await sandbox.GetAllAsync("get_consumers", ("created_from", Format(from)), ("created_to", Format(to)));
        inRange.Count.ShouldBe(Store.Consumers.Count(candidate => candidate.CreatedOn >= from && candidate.CreatedOn <= to));
        inRange.Count.ShouldBeGreaterThanOrEqualTo(100);
        (await sandbox.CallAsync("get_consumers", ("created_from", "2024-01-01T00:00:00Z"))).ShouldBeError("7389");
    }

    [Fact]
    public async Task Order_filters_combine_with_AND()
    {
        var order = Store.Orders.First(candidate => candidate.CustomId is not null && candidate.Invoices.Count > 1);

        (await sandbox.CallAsync("get_orders", ("order_id", order.Id))).Results().Single()["number_of_invoices"].Text().ShouldBe(order.Invoices.Count.ToString(CultureInfo.InvariantCulture));
        (await sandbox.CallAsync("get_orders", ("custom_order_id", order.CustomId!))).Results().ShouldContain(result => result["order_id"].Text() == order.Id);
        (await sandbox.CallAsync("get_orders", ("invoice_id", order.Invoices[^1].Id))).Results().Single()["order_id"].Text().ShouldBe(order.Id);

        var ofConsumer = await sandbox.GetAllAsync("get_orders", ("consumer_id", order.ConsumerId));
        ofConsumer.Count.ShouldBe(Store.Orders.Count(candidate => candidate.ConsumerId == order.ConsumerId));
        ofConsumer.ShouldAllBe(result => result["consumer_id"].Text() == order.ConsumerId);

        var interac = await sandbox.GetAllAsync("get_orders", ("payment_method", "e"));
        interac.Count.ShouldBe(Store.Orders.Count(candidate => candidate.PaymentMethod == "e"));
        interac.ShouldAllBe(result => result["payment_method"].Text() == "e");
        (await sandbox.CallAsync("get_orders", ("payment_method", "x"))).ShouldBeError("7389");

        var from = Store.Orders[100].CreatedOn;
        var both = await sandbox.GetAllAsync("get_orders", ("payment_method", "d"), ("created_from", Format(from)));
        both.Count.ShouldBe(Store.Orders.Count(candidate => candidate.PaymentMethod == "d" && candidate.CreatedOn >= from));
    }

    [Fact]
    public async Task Invoice_filters_match_by_ids_payment_method_and_creation_time()
    {
        var order = Store.Orders.First(candidate => candidate.Invoices.Count > 1);
        var ofOrder = await sandbox.CallAsync("get_invoices", ("order_id", order.Id));
        ofOrder.Results().Select(result => result["invoice_id"].Text()).ShouldBe(order.Invoices.Select(invoice => invoice.Id), ignoreOrder: true);

        var invoice = order.Invoices[0];
        (await sandbox.CallAsync("get_invoices", ("invoice_id", invoice.Id))).Results().Single()["amount"].Text()
            .ShouldBe(invoice.Amount.ToString("0.00", CultureInfo.InvariantCulture));

        var ofConsumer = await sandbox.GetAllAsync("get_invoices", ("consumer_id", order.ConsumerId));
        ofConsumer.Count.ShouldBe(Store.Invoices.Count(candidate => candidate.ConsumerId == order.ConsumerId));

        var debit = await sandbox.GetAllAsync("get_invoices", ("payment_method", "d"));
        debit.Count.ShouldBe(Store.Invoices.Count(candidate => candidate.PaymentMethod == "d"));

        var to = Store.Invoices[199].CreatedOn;
        var upTo = await sandbox.GetAllAsync("get_invoices", ("created_to", Format(to)));
        upTo.Count.ShouldBe(Store.Invoices.Count(candidate => candidate.CreatedOn <= to));
        (await sandbox.CallAsync("get_invoices", ("consumer_id", "nobody")))["total_pages"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Wire_forms_follow_the_lenient_types_of_the_spec()
    {
        var consumer = (await sandbox.CallAsync("get_consumers")).Results()[0];
        consumer["is_dummy"]!.GetValueKind().ShouldBeOneOf(System.Text.Json.JsonValueKind.True, System.Text.Json.JsonValueKind.False);
        consumer["amount_purchased"]!.ToJsonString().ShouldMatch(@"^\d+\.\d{2}$");
        var order = (await sandbox.CallAsync("get_orders")).Results()[0];
        order["is_enabled"]!.GetValue<int>().ShouldBeOneOf(0, 1);
        order["number_of_invoices"].Text().ShouldMatch(@"^\d+$");
        var invoice = (await sandbox.CallAsync("get_invoices")).Results()[0];
        invoice["is_dummy"].Text().ShouldBeOneOf("true", "false");
        invoice["amount_discounted"].Text().ShouldMatch(@"^\d+\.\d{2}$");
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_data()
    {
        await using var other = await SmartPayTestSandbox.StartAuthenticatedAsync();

        var mine = (await sandbox.CallAsync("get_invoices", ("page", "2"))).Results().Select(result => result.ToJsonString());
        var theirs = (await other.CallAsync("get_invoices", ("page", "2"))).Results().Select(result => result.ToJsonString());

        theirs.ShouldBe(mine);
    }

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
