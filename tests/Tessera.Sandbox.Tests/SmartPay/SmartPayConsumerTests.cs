namespace Tessera.Sandbox.Tests.SmartPay;

public sealed class SmartPayConsumerTests
{
    private static readonly (string Name, string Value)[] Jane =
    [
        ("custom_consumer_id", "Cust0042"), ("first_name", "Jane"), ("last_name", "Côté"), ("email", "jane.cote@example.com"),
        ("phone", "(416) 555-0100"), ("street_address", "1 King St W"), ("city", "Toronto"), ("province_state", "ON"),
        ("country", "CA"), ("postal_code", "M5H 1A1"),
    ];

    [Fact]
    public async Task Create_modify_and_delete_a_consumer_with_form_bodies()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync();

        var created = await sandbox.CallAsync("create_consumer", [.. Jane, ("is_dummy", "true")]);
        created.ShouldBeSuccess();
        var id = created["result"]!["consumer_id"].Text();
        id.ShouldMatch("^[A-Za-z0-9]+$");
        sandbox.State.CreatedConsumerIds.ShouldBe([id]);
        sandbox.State.ConsumerCount.ShouldBe(261);

        var listed = (await sandbox.CallAsync("get_consumers", ("consumer_id", id))).Results().Single();
        listed["name"].Text().ShouldBe("Jane Côté");
        listed["custom_consumer_id"].Text().ShouldBe("Cust0042");
        listed["is_dummy"]!.GetValue<bool>().ShouldBeTrue();
        listed["number_of_orders"]!.GetValue<int>().ShouldBe(0);

        var modified = await sandbox.CallAsync("modify_consumer", ("consumer_id", id), ("city", "Ottawa"), ("postal_code", "K1P 1J1"), ("is_dummy", "false"));
        modified.ShouldBeSuccess();
        modified["result"]!["consumer_id"].Text().ShouldBe(id);
        modified["warnings"]!["2201"].Text().ShouldContain("is_dummy");
        var after = (await sandbox.CallAsync("get_consumers", ("consumer_id", id))).Results().Single();
        after["city"].Text().ShouldBe("Ottawa");
        after["street_address"].Text().ShouldBe("1 King St W");
        after["is_dummy"]!.GetValue<bool>().ShouldBeTrue();

        (await sandbox.CallAsync("delete_consumer", ("consumer_id", id)))["result"]!["status"].Text().ShouldBe("success");
        (await sandbox.CallAsync("get_consumers", ("consumer_id", id))).Results().ShouldBeEmpty();
        (await sandbox.CallAsync("delete_consumer", ("consumer_id", id))).ShouldBeError("8344");
    }

    [Fact]
    public async Task Json_bodies_work_like_form_bodies()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync();

        var created = await sandbox.PostJsonAsync("create_consumer", new Dictionary<string, object>
        {
            ["token"] = sandbox.Token, ["first_name"] = "Lee", ["last_name"] = "Wong", ["email"] = "lee.wong@example.com",
            ["phone"] = "604-555-0101", ["street_address"] = "9 Robson St", ["city"] = "Vancouver", ["province_state"] = "BC",
            ["country"] = "CA", ["postal_code"] = "V6B 1A1", ["is_dummy"] = true,
        });
        created.ShouldBeSuccess();
        var id = created["result"]!["consumer_id"].Text();

        var page = await sandbox.PostJsonAsync("get_consumers", new { token = sandbox.Token, page = 3 });
        page["page"]!.GetValue<int>().ShouldBe(3);
        page.Results().Count.ShouldBe(61);
        var found = await sandbox.PostJsonAsync("get_consumers", new { token = sandbox.Token, email = "lee.wong@example.com" });
        found.Results().Single()["consumer_id"].Text().ShouldBe(id);
        found.Results().Single()["is_dummy"]!.GetValue<bool>().ShouldBeTrue();

        (await sandbox.PostJsonAsync("get_consumers", new { token = sandbox.Token, page = new[] { 1 } })).ShouldBeError("7389");
    }

    [Fact]
    public async Task Missing_and_invalid_fields_are_rejected_with_the_documented_codes()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync();

        var missing = await sandbox.CallAsync("create_consumer", ("first_name", "Jane"));
        missing.ShouldBeError("7389").ShouldBe("A mandatory input parameter wasn't found or was invalid.");
        missing.Field("email").ShouldNotBeNullOrEmpty();
        missing.Field("postal_code").ShouldNotBeNullOrEmpty();

        (await sandbox.CallAsync("create_consumer", With(Jane, "custom_consumer_id", new string('a', 33)))).Field("custom_consumer_id").ShouldNotBeNullOrEmpty();
        (await sandbox.CallAsync("create_consumer", With(Jane, "custom_consumer_id", "has-dash"))).ShouldBeError("7389");
        (await sandbox.CallAsync("create_consumer", With(Jane, "country", "XX"))).Field("country").ShouldContain("ISO 3166-1");
        (await sandbox.CallAsync("create_consumer", With(Jane, "country", "Canada"))).ShouldBeError("7389");
        (await sandbox.CallAsync("create_consumer", With(Jane, "email", "jane@"))).ShouldBeError("8924");
        (await sandbox.CallAsync("create_consumer", [.. Jane, ("is_dummy", "maybe")])).Field("is_dummy").ShouldNotBeNullOrEmpty();
        sandbox.State.CreatedConsumerIds.ShouldBeEmpty();

        var existing = sandbox.State.Store.Consumers[3].Email;
        (await sandbox.CallAsync("create_consumer", With(Jane, "email", existing))).ShouldBeError("4654");
        (await sandbox.CallAsync("modify_consumer", ("consumer_id", sandbox.State.Store.Consumers[4].Id), ("email", existing))).ShouldBeError("4654");
        (await sandbox.CallAsync("modify_consumer", ("city", "Ottawa"))).Field("consumer_id").ShouldNotBeNullOrEmpty();
        (await sandbox.CallAsync("modify_consumer", ("consumer_id", "nosuchconsumer"), ("city", "Ottawa"))).ShouldBeError("8344").ShouldBe("Invalid ID");
        (await sandbox.CallAsync("modify_consumer", ("consumer_id", sandbox.State.Store.Consumers[4].Id), ("city", ""))).ShouldBeError("7389");
    }

    [Fact]
    public async Task A_consumer_with_orders_cannot_be_deleted()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync();
        var buyer = sandbox.State.Store.Orders[0].ConsumerId;

        var body = await sandbox.CallAsync("delete_consumer", ("consumer_id", buyer));

        body.ShouldBeError("1754").ShouldStartWith("Unable to delete consumer because orders for this consumer already exist.");
        sandbox.State.ConsumerCount.ShouldBe(260);
    }

    private static (string Name, string Value)[] With((string Name, string Value)[] fields, string name, string value) =>
        [.. fields.Select(field => field.Name == name ? (name, value) : field)];
}
