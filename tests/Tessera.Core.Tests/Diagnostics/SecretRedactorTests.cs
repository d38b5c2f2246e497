using Tessera.Core.Diagnostics;
using Tessera.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace Tessera.Core.Tests.Diagnostics;

public class SecretRedactorTests
{
    private readonly SecretRedactor _redactor = new();

    [Theory]
    [InlineData("Authorization")]
    [InlineData("proxy-authorization")]
    [InlineData("Cookie")]
    [InlineData("Set-Cookie")]
    [InlineData("X-Signature")]
    [InlineData("X-IDENTITY")]
    [InlineData("x-api-key")]
    [InlineData("X-SmartPay-Hmac-Sha256")]
    [InlineData("client_secret")]
    public void Sensitive_headers_are_replaced_entirely(string name) =>
        _redactor.RedactHeader(name, "Bearer abc.def.ghi").ShouldBe("***");

    [Fact]
    public void Other_headers_keep_their_value_except_registered_secrets()
    {
        _redactor.AddSecret("s3cr3t-value");

        _redactor.RedactHeader("Accept", "application/json").ShouldBe("application/json");
        _redactor.RedactHeader("X-Debug", "key=s3cr3t-value").ShouldBe("key=***");
    }

    [Theory]
    [InlineData("client_secret")]
    [InlineData("clientSecret")]
    [InlineData("Client-Secret")]
    [InlineData("CLIENTSECRET")]
    [InlineData("access_token")]
    [InlineData("apiKey")]
    [InlineData("API_KEY")]
    [InlineData("pairingCode")]
    [InlineData("pairing_code")]
    [InlineData("privateKey")]
    [InlineData("refresh_token")]
    [InlineData("id_token")]
    [InlineData("hmac")]
    [InlineData("password")]
    [InlineData("signature")]
    [InlineData("token")]
    public void Sensitive_names_are_recognized_in_any_style(string name) =>
        _redactor.IsSensitiveName(name).ShouldBeTrue();

    [Theory]
    [InlineData("client_id")]
    [InlineData("amount")]
    [InlineData("tokenType")]
    [InlineData("")]
    public void Ordinary_names_are_not_sensitive(string name) =>
        _redactor.IsSensitiveName(name).ShouldBeFalse();

    [Fact]
    public void Urls_lose_sensitive_query_values_user_info_and_registered_secrets()
    {
        _redactor.AddSecret("merchant-987654");

        var redacted = _redactor.RedactUrl(new Uri(
            "https://user:pw1234@api.test/merchants/merchant-987654/pay?api_key=k-123&page=2&clientSecret=cs%2F1#frag"));

        redacted.ShouldBe("https://***@api.test/merchants/***/pay?api_key=***&page=2&clientSecret=***#frag");
    }

    [Fact]
    public void Json_bodies_keep_their_structure_with_sensitive_values_replaced_at_any_depth()
    {
        const string body = """
            {"client_id":"id-1","client_secret":"cs-1","nested":{"list":[{"accessToken":"at-1","amount":12.50},{"token":{"raw":"t-1"}}]},"password":null,"name":"Ann"}
            """;

        var text = _redactor.RedactBody(body, "application/json; charset=utf-8");
        var redacted = JObject.Parse(text);

        redacted["client_id"]!.Value<string>().ShouldBe("id-1");
        redacted["client_secret"]!.Value<string>().ShouldBe("***");
        redacted["nested"]!["list"]![0]!["accessToken"]!.Value<string>().ShouldBe("***");
        text.ShouldContain("\"amount\":12.50");
        redacted["nested"]!["list"]![1]!["token"]!.Value<string>().ShouldBe("***");
        redacted["password"]!.Type.ShouldBe(JTokenType.Null);
        redacted["name"]!.Value<string>().ShouldBe("Ann");
    }

    [Fact]
    public void Json_is_detected_without_a_media_type()
    {
        _redactor.RedactBody("[{\"apiKey\":\"k-1\"}]", null).ShouldBe("[{\"apiKey\":\"***\"}]");
    }

    [Theory]
    [InlineData("{\"client_secret\":\"cs-123\", \"partial\":")]
    [InlineData("{\"client_secret\":\"cs-123")]
    [InlineData("error: client_secret=cs-123 was rejected")]
    [InlineData("Authorization: Bearer cs-123")]
    [InlineData("{\"token\": cs-123}")]
    [InlineData("retry with password=cs-123:x; api_key=cs-123")]
    [InlineData("<pairingCode>cs-123</pairingCode> pairingCode: 'cs-123'")]
    public void Invalid_json_and_text_fall_back_to_pattern_scrubbing(string body)
    {
        var redacted = _redactor.RedactBody(body, "application/json");

        redacted.ShouldNotContain("cs-123");
        redacted.ShouldContain("***");
    }

    [Fact]
    public void Form_bodies_lose_sensitive_field_values()
    {
        var redacted = _redactor.RedactBody(
            "grant_type=client_credentials&client_id=my-id&client_secret=s%2Bcret&audience=api",
            "application/x-www-form-urlencoded");

        redacted.ShouldBe("grant_type=client_credentials&client_id=my-id&client_secret=***&audience=api");
    }

    [Fact]
    public void Registered_secrets_are_scrubbed_everywhere_including_encoded_forms()
    {
        _redactor.AddSecret("p@ss word+1");

        _redactor.Redact("the value p@ss word+1 leaked").ShouldBe("the value *** leaked");
        _redactor.RedactBody("{\"note\":\"p@ss word+1\"}", "application/json").ShouldBe("{\"note\":\"***\"}");
        _redactor.RedactBody("note=p%40ss%20word%2B1", "application/x-www-form-urlencoded").ShouldBe("note=***");
        _redactor.RedactBody("note=p%40ss+word%2B1", "application/x-www-form-urlencoded").ShouldBe("note=***");
    }

    [Fact]
    public void Short_or_null_secrets_are_ignored()
    {
        _redactor.AddSecret("abc");
        _redactor.AddSecret(null);

        _redactor.Redact("abc abc").ShouldBe("abc abc");
    }

    [Fact]
    public void Added_sensitive_names_are_redacted()
    {
        _redactor.AddSensitiveName("merchant_pin");

        _redactor.RedactBody("{\"merchantPin\":\"1234\"}", "application/json").ShouldBe("{\"merchantPin\":\"***\"}");
        _redactor.RedactHeader("Merchant-Pin", "1234").ShouldBe("***");
    }

    [Fact]
    public async Task Secrets_registered_concurrently_are_all_kept()
    {
        var secrets = Enumerable.Range(0, 200).Select(i => $"secret-{i:D4}-value").ToArray();

        await Task.WhenAll(secrets.Select(s => Task.Run(() => _redactor.AddSecret(s))));

        _redactor.Redact(string.Join(" ", secrets)).ShouldBe(string.Join(" ", Enumerable.Repeat("***", 200)));
    }

    [Fact]
    public void A_secret_registered_with_the_shared_redactor_is_redacted_wherever_it_is_used()
    {
        var secret = "shared-" + Guid.NewGuid().ToString("N");

        SecretRedactor.Shared.AddSecret(secret);

        SecretRedactor.Shared.Redact($"echo: {secret}.").ShouldBe("echo: ***.");
        _redactor.Redact(secret).ShouldBe(secret, "a per-client redactor does not see secrets registered elsewhere");
    }

    [Theory]
    [InlineData("session_token")]
    [InlineData("webhook_key")]
    [InlineData("private_key_hex")]
    [InlineData("passphrase")]
    [InlineData("x-api-key")]
    [InlineData("client_assertion")]
    [InlineData("facadeToken")]
    [InlineData("WEBHOOK-SECRET")]
    public void Families_of_sensitive_names_are_redacted_in_json_forms_and_text(string name)
    {
        _redactor.IsSensitiveName(name).ShouldBeTrue();
        _redactor.RedactBody($$"""{"{{name}}":"hunter2-value"}""", "application/json").ShouldNotContain("hunter2-value");
        _redactor.RedactBody($"{name}=hunter2-value&page=1", "application/x-www-form-urlencoded").ShouldBe($"{name}=***&page=1");
        _redactor.RedactBody($"rejected {name}: hunter2-value", null).ShouldNotContain("hunter2-value");
    }

    [Theory]
    [InlineData("token_type")]
    [InlineData("expires_in")]
    [InlineData("custom_order_id")]
    [InlineData("tokenUrl")]
    public void Ordinary_names_are_not_redacted(string name) => _redactor.IsSensitiveName(name).ShouldBeFalse();

    [Theory]
    [InlineData("se/cr\"et+tok")]
    [InlineData("tök€n-ünïcode-1")]
    [InlineData("<script>&'tok")]
    public void A_registered_secret_is_redacted_in_its_json_escaped_forms(string secret)
    {
        _redactor.AddSecret(secret);

        _redactor.Redact("newtonsoft: " + Newtonsoft.Json.JsonConvert.ToString(secret)).ShouldBe("newtonsoft: \"***\"");
        _redactor.Redact("stj: " + System.Text.Json.JsonSerializer.Serialize(secret)).ShouldBe("stj: \"***\"");
        _redactor.Redact("url: " + Uri.EscapeDataString(secret)).ShouldBe("url: ***");
    }

    [Fact]
    public void An_expiring_secret_is_scrubbed_until_its_grace_ends_and_then_forgotten()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var redactor = new SecretRedactor(time);
        redactor.AddSecret("session-token-abc", TimeSpan.FromHours(1));

        time.Advance(TimeSpan.FromHours(1) + SecretRedactor.ExpiryGrace - TimeSpan.FromSeconds(1));
        redactor.Redact("t=session-token-abc").ShouldBe("t=***");
        time.Advance(TimeSpan.FromSeconds(2));

        redactor.Redact("t=session-token-abc").ShouldBe("t=session-token-abc");
        redactor.SecretCount.ShouldBe(0);
    }

    [Fact]
    public void Over_capacity_the_expiring_secrets_closest_to_expiry_go_first_and_configured_ones_stay()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var redactor = new SecretRedactor(time, capacity: 8);
        redactor.AddSecret("configured-api-key");
        for (var i = 0; i < 100; i++)
        {
            redactor.AddSecret($"token-{i:D4}-xyz", TimeSpan.FromMinutes(10 + i));
        }

        redactor.SecretCount.ShouldBe(8);
        redactor.Redact("configured-api-key").ShouldBe("***");
        redactor.Redact("token-0099-xyz").ShouldBe("***");
        redactor.Redact("token-0000-xyz").ShouldBe("token-0000-xyz");
    }

    [Fact]
    public void A_configured_secret_held_by_two_clients_stays_until_both_remove_it()
    {
        var redactor = new SecretRedactor();
        redactor.AddSecret("shared-api-key-1");
        redactor.AddSecret("shared-api-key-1");

        redactor.RemoveSecret("shared-api-key-1");
        redactor.Redact("shared-api-key-1").ShouldBe("***");
        redactor.RemoveSecret("shared-api-key-1");

        redactor.Redact("shared-api-key-1").ShouldBe("shared-api-key-1");
    }

    [Fact]
    public void Among_many_secrets_the_longest_match_is_removed_whole_in_one_pass()
    {
        var redactor = new SecretRedactor();
        for (var i = 0; i < 2_000; i++)
        {
            redactor.AddSecret($"tok{i:D5}");
        }

        redactor.AddSecret("tok00001-longer-form");

        redactor.Redact("a tok00001-longer-form b tok01999 c tok00001 d tok99999").ShouldBe("a *** b *** c *** d tok99999");
    }
}
