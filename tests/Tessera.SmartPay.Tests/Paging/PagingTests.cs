using Tessera.SmartPay.Tests.Infrastructure;

namespace Tessera.SmartPay.Tests.Paging;

/// <summary>List operations as <c>AsyncPageable</c>: 1-based page in the body, following total_pages (A19).</summary>
public sealed class PagingTests
{
    private static HttpResponseMessage ConsumerPage(HttpRequestMessage request, int totalPages = 3, bool reportTotal = true)
    {
        var page = int.Parse(WireFormatter.FormFields(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult())["page"], System.Globalization.CultureInfo.InvariantCulture);
        var items = page > totalPages ? string.Empty : string.Join(',', Enumerable.Range(1, page == totalPages ? 2 : 100).Select(i => $$"""{"consumer_id":"p{{page}}c{{i}}"}"""));
        var total = reportTotal ? $"\"total_pages\":\"{totalPages}\"," : string.Empty;
        return TestClients.Json($$"""{"page":{{page}},{{total}}"number_of_results":202,"result":[{{items}}]}""");
    }

    [Fact]
    public async Task All_items_are_read_across_three_pages_without_touching_the_callers_request()
    {
        var (client, transport) = TestClients.Canned(request => ConsumerPage(request));
        var filter = new GetConsumersRequest { Name = "Rob", CreatedFrom = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) };

        var consumers = new List<Consumer>();
        await foreach (var consumer in client.GetConsumersAllAsync(filter))
        {
            consumers.Add(consumer);
        }

        consumers.Count.ShouldBe(202);
        consumers[0].ConsumerId.ShouldBe("p1c1");
        consumers[^1].ConsumerId.ShouldBe("p3c2");
        var pages = transport.Requests.Where(r => !TestClients.IsAuthenticate(r)).Select(r => WireFormatter.FormFields(r.Body)).ToList();
        pages.Select(p => p["page"]).ShouldBe(["1", "2", "3"]);
        pages.ShouldAllBe(p => p["name"] == "Rob" && p["created_from"] == "2025-01-01 00:00:00" && p["token"] == TestClients.Token);
        filter.Page.ShouldBe(1, "the caller's request is copied per page, never modified");
        filter.AdditionalProperties.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pages_are_available_one_by_one_with_their_totals()
    {
        var (client, _) = TestClients.Canned(request => ConsumerPage(request));

        var pages = new List<Tessera.Core.Paging.Page<Consumer>>();
        await foreach (var page in client.GetConsumersAllAsync().AsPages())
        {
            pages.Add(page);
        }

        pages.Select(p => p.PageNumber).ShouldBe([1, 2, 3]);
        pages.Select(p => p.Items.Count).ShouldBe([100, 100, 2]);
        pages.ShouldAllBe(p => p.TotalPages == 3 && p.TotalItems == 202);
        pages.Select(p => p.HasMore).ShouldBe([true, true, false]);
    }

    [Fact]
    public async Task Reading_starts_at_the_filters_page()
    {
        var (client, transport) = TestClients.Canned(request => ConsumerPage(request));

        var count = 0;
        await foreach (var _ in client.GetConsumersAllAsync(new GetConsumersRequest { Page = 2 }))
        {
            count++;
        }

        count.ShouldBe(102);
        transport.Requests.Where(r => !TestClients.IsAuthenticate(r)).Select(r => WireFormatter.FormFields(r.Body)["page"]).ShouldBe(["2", "3"]);
    }

    [Fact]
    public async Task Without_total_pages_a_short_page_ends_the_sequence()
    {
        var (client, transport) = TestClients.Canned(request => ConsumerPage(request, reportTotal: false));

        var count = 0;
        await foreach (var _ in client.GetConsumersAllAsync())
        {
            count++;
        }

        count.ShouldBe(202);
        transport.Requests.Count(r => !TestClients.IsAuthenticate(r)).ShouldBe(3);
    }

    [Fact]
    public async Task An_empty_page_ends_the_sequence_even_if_total_pages_claims_more()
    {
        var (client, transport) = TestClients.Canned(_ => TestClients.Json("""{"page":1,"total_pages":9,"result":[]}"""));

        var items = new List<SmartPayOrder>();
        await foreach (var order in client.GetOrdersAllAsync())
        {
            items.Add(order);
        }

        items.ShouldBeEmpty();
        transport.Requests.Count(r => !TestClients.IsAuthenticate(r)).ShouldBe(1);
    }

    [Fact]
    public async Task Every_list_operation_pages()
    {
        var (client, _) = TestClients.Canned(request => TestClients.Json(Payloads.Read(request.RequestUri!.AbsolutePath switch
        {
            var p when p.EndsWith("get_orders", StringComparison.Ordinal) => "order-list",
            var p when p.EndsWith("get_invoices", StringComparison.Ordinal) => "invoice-list",
            _ => "webhook-list",
        })));

        (await client.GetOrdersAllAsync().CountAsync()).ShouldBe(2);
        (await client.GetInvoicesAllAsync(new GetInvoicesRequest { OrderId = "oRd001" }).CountAsync()).ShouldBe(2);
        (await client.GetWebhooksAllAsync().CountAsync()).ShouldBe(2);
    }
}
