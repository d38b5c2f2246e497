using System.Net;

namespace Tessera.Sandbox.Tests.Smartex;

/// <summary>Bills (create, list, read, replace, deliver) and ledgers, merchant facade.</summary>
public sealed class SmartexBillAndLedgerTests
{
    private static readonly SmartexTestKey Key = SmartexTestKey.VectorD;

    [Fact]
    public async Task Bill_round_trip()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        var merchant = await sandbox.PairAsync(Key, "merchant");
        var seeded = (await sandbox.OkAsync(HttpMethod.Get, "/bills?token=" + merchant, Key))["data"]!.AsArray().Count;

        var created = (await sandbox.OkAsync(HttpMethod.Post, "/bills", Key, new
        {
            token = merchant,
            currency = "EUR",
            name = "Ada Lovelace",
            email = "ada@example.com",
            country = "GB",
            dueDate = "2026-04-30",
            showRate = true,
            items = new[] { new { description = "Analytical engine", price = 1200.5, quantity = 1 }, new { description = "Punch cards", price = 0.25, quantity = 400 } },
        }))["data"]!;
        var id = created["id"]!.GetValue<string>();
        created["status"]!.GetValue<string>().ShouldBe("draft");
        created["delivered"]!.GetValue<bool>().ShouldBeFalse();
        created["items"]!.AsArray().Count.ShouldBe(2);
        sandbox.State.CreatedBillIds.ShouldBe([id]);

        (await sandbox.OkAsync(HttpMethod.Get, "/bills?token=" + merchant, Key))["data"]!.AsArray().Count.ShouldBe(seeded + 1);
        (await sandbox.OkAsync(HttpMethod.Get, "/bills?token=" + merchant + "&status=draft", Key))["data"]!.AsArray()
            .ShouldAllBe(bill => bill!["status"]!.GetValue<string>() == "draft");
        (await sandbox.OkAsync(HttpMethod.Get, "/bills/" + id + "?token=" + merchant, Key))["data"]!["name"]!.GetValue<string>().ShouldBe("Ada Lovelace");

        var updated = (await sandbox.OkAsync(HttpMethod.Put, "/bills/" + id, Key, new
        {
            token = merchant,
            currency = "EUR",
            name = "Ada King",
            email = "ada@example.com",
            items = new[] { new { description = "Analytical engine", price = 1100, quantity = 1 } },
        }))["data"]!;
        updated["name"]!.GetValue<string>().ShouldBe("Ada King");
        updated["items"]!.AsArray().Count.ShouldBe(1);
        updated["status"]!.GetValue<string>().ShouldBe("draft");

        // Delivered with the bill's own resource token.
        var delivery = await sandbox.OkAsync(HttpMethod.Post, "/bills/" + id + "/deliveries", Key, new { token = created["token"]!.GetValue<string>() });
        delivery["data"]!.GetValue<string>().ShouldBe("Success");
        var sent = (await sandbox.OkAsync(HttpMethod.Get, "/bills/" + id + "?token=" + merchant, Key))["data"]!;
        sent["status"]!.GetValue<string>().ShouldBe("sent");
        sent["delivered"]!.GetValue<bool>().ShouldBeTrue();

        (await sandbox.SendAsync(HttpMethod.Get, "/bills/nope?token=" + merchant, Key)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await sandbox.SendAsync(HttpMethod.Post, "/bills", Key, new { token = merchant, items = Array.Empty<object>() })).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await sandbox.SendAsync(HttpMethod.Put, "/bills/" + id, Key, new { token = merchant, status = "lost", items = new[] { new { description = "x", price = 1, quantity = 1 } } }))
            .Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Ledgers_hold_the_complete_invoices()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        var merchant = await sandbox.PairAsync(Key, "merchant");

        var ledgers = (await sandbox.OkAsync(HttpMethod.Get, "/ledgers?token=" + merchant, Key))["data"]!.AsArray();

        ledgers[0]!["currency"]!.GetValue<string>().ShouldBe("ETH");
        ledgers[0]!["balance"]!.GetValue<decimal>().ShouldBeGreaterThan(0m);
        ledgers.Select(ledger => ledger!["currency"]!.GetValue<string>()).ShouldContain("USD");
    }
}
