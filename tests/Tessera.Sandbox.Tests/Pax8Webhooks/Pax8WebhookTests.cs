using System.Net;
using System.Text.Json.Nodes;
using Tessera.Sandbox.Tests.Infrastructure;

namespace Tessera.Sandbox.Tests.Pax8Webhooks;

/// <summary>The Webhooks API v2 of the sandbox (specs/pax8-webhooks.yaml) under <c>/pax8/api/v2</c>, with the Partner API's token.</summary>
public sealed class Pax8WebhookTests
{
    private const string Authorization = "Bearer sandbox-webhook-value-3c9a";
    private const string Webhooks = "../api/v2/webhooks";

    private static object NewWebhook(Uri url, object[]? topics = null) => new Dictionary<string, object?>
    {
        ["displayName"] = "Provisioning events",
        ["url"] = url.ToString(),
        ["authorization"] = Authorization,
        ["active"] = true,
        ["contactEmail"] = "ops@example.com",
        ["webhookTopics"] = topics ?? [new { topic = "SUBSCRIPTION", filters = Array.Empty<object>() }],
    };

    private static async Task<string> PlaceOrderAsync(TestSandbox sandbox, string? productName = null)
    {
        var company = (await sandbox.GetAllAsync("companies?status=Active")).First()["id"]!.GetValue<string>();
        var product = (await sandbox.GetAllAsync("products")).First(p => p["name"]!.GetValue<string>() == (productName ?? "Microsoft 365 Business Premium"));
        var commitment = (await sandbox.GetOkAsync($"products/{product["id"]}/dependencies"))["commitmentDependencies"]!.AsArray()
            .First(c => c!["term"]!.GetValue<string>() == "1-Year")!["id"]!.GetValue<string>();
        var order = new Dictionary<string, object?>
        {
            ["companyId"] = company,
            ["orderedBy"] = "Pax8 Partner",
            ["lineItems"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["productId"] = product["id"]!.GetValue<string>(),
                    ["lineItemNumber"] = 1,
                    ["commitmentTermId"] = commitment,
                    ["billingTerm"] = "Monthly",
                    ["quantity"] = 5,
                    ["provisioningDetails"] = new[] { new { key = "msDomain", values = new[] { "acmewidgets" } } },
                },
            },
        };
        await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, "orders", order);
        return product["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Webhooks_are_created_read_listed_configured_and_deleted()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();

        var created = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, Webhooks, NewWebhook(new Uri("https://hooks.example.com/pax8"))))!.AsObject();
        var id = created["id"]!.GetValue<string>();
        created["active"]!.GetValue<bool>().ShouldBeTrue();
        created["errorThreshold"]!.GetValue<int>().ShouldBe(3);
        var topicId = created["webhookTopics"]![0]!["id"]!.GetValue<string>();

        (await sandbox.GetOkAsync($"{Webhooks}/{id}"))["displayName"]!.GetValue<string>().ShouldBe("Provisioning events");
        var page = await sandbox.GetOkAsync($"{Webhooks}?topic=SUBSCRIPTION&active=true");
        page["content"]!.AsArray().Count.ShouldBe(1);
        page["page"]!["totalElements"]!.GetValue<long>().ShouldBe(1);

        var configured = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Webhooks}/{id}/configuration", new { displayName = "Renamed", errorThreshold = 5 }))!;
        configured["displayName"]!.GetValue<string>().ShouldBe("Renamed");
        configured["url"]!.GetValue<string>().ShouldBe("https://hooks.example.com/pax8", "W13: omitted members are kept");
        (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Webhooks}/{id}/status", new { active = false }))!["active"]!.GetValue<bool>().ShouldBeFalse();

        var duplicate = await sandbox.SendExpectingAsync(HttpStatusCode.BadRequest, HttpMethod.Post, $"{Webhooks}/{id}/topics", new { topic = "SUBSCRIPTION", filters = Array.Empty<object>() });
        duplicate!["instance"]!.GetValue<string>().ShouldStartWith("/api/v2/webhooks/");
        (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Webhooks}/{id}/topics", new { topic = "COMPANY", filters = Array.Empty<object>() }))!["webhookTopics"]!.AsArray().Count.ShouldBe(2);
        var filter = new { action = "New", conditions = new[] { new { field = "productId", @operator = "IN", value = new[] { "x" } } } };
        (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Webhooks}/{id}/topics/{topicId}/configuration", new { filters = new[] { filter } }))!
            ["webhookTopics"]![0]!["filters"]![0]!["action"]!.GetValue<string>().ShouldBe("New");
        await sandbox.SendExpectingAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Webhooks}/{id}/topics/{topicId}");
        (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Webhooks}/{id}/topics", new { webhookTopics = Array.Empty<object>() }))!["webhookTopics"]!.AsArray().ShouldBeEmpty();

        await sandbox.SendExpectingAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Webhooks}/{id}");
        (await sandbox.SendExpectingAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"{Webhooks}/{id}"))!["type"]!.GetValue<string>().ShouldBe("NOT_FOUND");
    }

    [Fact]
    public async Task Topic_definitions_list_filters_and_a_sample_payload_in_the_flat_page()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();

        var page = await sandbox.GetOkAsync($"{Webhooks}/topic-definitions?size=100");

        page["totalElements"]!.GetValue<long>().ShouldBeGreaterThan(0, "W4: paging members sit next to content");
        var subscription = page["content"]!.AsArray().Single(t => t!["topic"]!.GetValue<string>() == "SUBSCRIPTION")!;
        subscription["availableFilters"]!.AsArray().Select(f => f!["action"]!.GetValue<string>()).ShouldContain("Renewal");
        subscription["samplePayload"]!["webhookTopic"]!["topic"]!.GetValue<string>().ShouldBe("SUBSCRIPTION");
        subscription["samplePayload"]!["payloadData"]!["type"]!.GetValue<string>().ShouldBe("New");
    }

    [Fact]
    public async Task Placing_an_order_delivers_to_matching_webhooks_with_the_configured_Authorization()
    {
        await using var receiver = await Pax8WebhookReceiver.StartAsync();
        await using var sandbox = await TestSandbox.StartAuthorizedAsync(o => o.Pax8RequestsPerMinute = 0);
        var matching = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, Webhooks, NewWebhook(receiver.Url)))!["id"]!.GetValue<string>();
        var filteredOut = NewWebhook(receiver.Url, [new { topic = "SUBSCRIPTION", filters = new[] { new { action = "Cancel", conditions = Array.Empty<object>() } } }]);
        await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, Webhooks, filteredOut);
        var otherTopic = NewWebhook(receiver.Url, [new { topic = "COMPANY", filters = Array.Empty<object>() }]);
        await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, Webhooks, otherTopic);

        var productId = await PlaceOrderAsync(sandbox);
        await sandbox.State.WhenWebhooksIdleAsync();

        receiver.Received.Count.ShouldBe(1);
        receiver.Received.TryPeek(out var delivery).ShouldBeTrue();
        delivery.Authorization.ShouldBe(Authorization);
        delivery.Body["webhookId"]!.GetValue<string>().ShouldBe(matching);
        delivery.Body["payloadData"]!["type"]!.GetValue<string>().ShouldBe("New");
        delivery.Body["payloadData"]!["productId"]!.GetValue<string>().ShouldBe(productId);
        var logs = await sandbox.GetOkAsync($"{Webhooks}/{matching}/logs");
        logs["content"]![0]!["finalStatus"]!.GetValue<string>().ShouldBe("SUCCESS");
        (await sandbox.GetOkAsync($"{Webhooks}/{matching}"))["lastDeliveryStatus"]!.GetValue<string>().ShouldBe("SUCCESS");
    }

    [Fact]
    public async Task A_failed_delivery_is_logged_and_can_be_retried()
    {
        await using var receiver = await Pax8WebhookReceiver.StartAsync();
        await using var sandbox = await TestSandbox.StartAuthorizedAsync(o => o.Pax8RequestsPerMinute = 0);
        var id = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, Webhooks, NewWebhook(receiver.Url)))!["id"]!.GetValue<string>();
        receiver.Status = 500;

        await PlaceOrderAsync(sandbox);
        await sandbox.State.WhenWebhooksIdleAsync();
        var log = (await sandbox.GetOkAsync($"{Webhooks}/{id}/logs?status=FAILED"))["content"]![0]!.AsObject();
        log["callHistory"]![0]!["httpStatusCode"]!.GetValue<int>().ShouldBe(500);
        var logId = log["id"]!.GetValue<string>();

        receiver.Status = 200;
        await sandbox.SendExpectingAsync(HttpStatusCode.Accepted, HttpMethod.Post, $"{Webhooks}/{id}/logs/{logId}/retry");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while ((await sandbox.GetOkAsync($"{Webhooks}/{id}/logs/{logId}"))["finalStatus"]!.GetValue<string>() != "SUCCESS")
        {
            await Task.Delay(20, timeout.Token);
        }

        (await sandbox.GetOkAsync($"{Webhooks}/{id}/logs/{logId}"))["callHistory"]!.AsArray().Count.ShouldBe(2);
        receiver.Received.Count.ShouldBe(2, "a redelivery carries the same event");
    }

    [Fact]
    public async Task A_topic_test_sends_the_sample_payload()
    {
        await using var receiver = await Pax8WebhookReceiver.StartAsync();
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();
        var id = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, Webhooks, NewWebhook(receiver.Url)))!["id"]!.GetValue<string>();

        var test = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Webhooks}/{id}/topics/SUBSCRIPTION/test"))!;

        test["url"]!.GetValue<string>().ShouldBe(receiver.Url.ToString());
        test["samplePayload"]!["payloadData"]!["sample"]!.GetValue<bool>().ShouldBeTrue();
        receiver.Received.Single().Authorization.ShouldBe(Authorization);
    }

    [Fact]
    public async Task The_webhooks_api_needs_the_bearer_token()
    {
        await using var anonymous = await TestSandbox.StartAsync();

        await anonymous.SendExpectingAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, Webhooks);
    }
}
