using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Tessera.SmartPay.Tests.Infrastructure;

namespace Tessera.SmartPay.Tests.Webhooks;

/// <summary>X-SmartPay-Hmac-Sha256 = base64(HMAC-SHA256(key, raw body)), key = api_key by default (A22).</summary>
public sealed class WebhookVerifierTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(Payloads.Read("notification").TrimEnd('\n'));

    // Computed independently of the verifier, as SmartPay's PHP sample does: base64_encode(hash_hmac('sha256', $body, API_KEY, true)).
    private static string Sign(byte[] body, string key) => Convert.ToBase64String(new HMACSHA256(Encoding.UTF8.GetBytes(key)).ComputeHash(body));

    private static SmartPayWebhookVerifier Verifier(string? webhookKey = null) =>
        SmartPayWebhookVerifier.FromOptions(TestClients.Options(o => o.WebhookKey = webhookKey));

    [Fact]
    public void A_valid_signature_yields_the_topic_and_the_payload()
    {
        var notification = Verifier().Verify(Body, Sign(Body, TestClients.ApiKey), " invoice/paid ");

        notification.UnverifiedTopic.ShouldBe(SmartPayWebhookTopics.InvoicePaid);
        notification.IsKnownTopic.ShouldBeTrue();
        notification.IsTest.ShouldBeFalse();
        notification.OrderCustomId.ShouldBe("WC10042");
        notification.Payload.Data!.PaymentMethod.ShouldBe(PaymentMethod.InteracETransfer);
        notification.Payload.Data.AdditionalProperties["invoice_id"].ShouldBe("iNv001");
        notification.Payload.AdditionalProperties.ShouldContainKey("sent_at");
        notification.RawBody.ShouldBe(Encoding.UTF8.GetString(Body));
        notification.ReceivedAt.ShouldBe(TestClients.Start);
        SmartPayWebhookVerifier.ComputeSignature(Body, TestClients.ApiKey).ShouldBe(Sign(Body, TestClients.ApiKey));
        SmartPayWebhookVerifier.ComputeSignature(Body, TestClients.ApiKey).Length.ShouldBe(44);
    }

    [Fact]
    public void A_tampered_body_is_rejected()
    {
        var signature = Sign(Body, TestClients.ApiKey);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("WC10042", "WC10043", StringComparison.Ordinal));

        Verifier().IsValidSignature(tampered, signature).ShouldBeFalse();
        var reformatted = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace(",", ", ", StringComparison.Ordinal));
        Verifier().IsValidSignature(reformatted, signature).ShouldBeFalse("the signature covers the raw bytes, not the parsed JSON");
        Should.Throw<SmartPayWebhookSignatureException>(() => Verifier().Verify(tampered, signature, "invoice/paid"));
    }

    [Fact]
    public void A_signature_made_with_another_key_is_rejected_without_revealing_any_key()
    {
        var exception = Should.Throw<SmartPayWebhookSignatureException>(() => Verifier().Verify(Body, Sign(Body, "iframe_key_not_the_api_key"), "invoice/paid"));

        exception.ToString().ShouldNotContain(TestClients.ApiKey);
        exception.ToString().ShouldNotContain(Sign(Body, TestClients.ApiKey));
    }

    [Fact]
    public void The_key_is_configurable()
    {
        const string key = "whk_configured_key_42";

        Verifier(key).IsValidSignature(Body, Sign(Body, key)).ShouldBeTrue();
        Verifier(key).IsValidSignature(Body, Sign(Body, TestClients.ApiKey)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("3q2+7w==")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Missing_or_malformed_signatures_are_rejected(string? signature)
    {
        Verifier().IsValidSignature(Body, signature).ShouldBeFalse();
        Should.Throw<SmartPayWebhookSignatureException>(() => Verifier().Verify(Body, signature, "invoice/paid"));
    }

    [Fact]
    public void A_signed_body_that_is_not_json_is_a_payload_error()
    {
        var body = Encoding.UTF8.GetBytes("not json");

        Should.Throw<SmartPayWebhookPayloadException>(() => Verifier().Verify(body, Sign(body, TestClients.ApiKey), "invoice/paid"));
    }

    [Fact]
    public void Test_pings_and_unknown_topics_are_accepted()
    {
        var body = Encoding.UTF8.GetBytes("""{"is_dummy":"true","data":{}}""");

        var ping = Verifier().Verify(body, Sign(body, TestClients.ApiKey), "webhook/created");
        var unknown = Verifier().Verify(body, Sign(body, TestClients.ApiKey), "subscription/renewed");
        var noTopic = Verifier().Verify(body, Sign(body, TestClients.ApiKey), null);

        ping.IsTest.ShouldBeTrue();
        unknown.IsKnownTopic.ShouldBeFalse();
        unknown.UnverifiedTopic.ShouldBe("subscription/renewed");
        noTopic.UnverifiedTopic.ShouldBeEmpty();
    }

    [Fact]
    public void The_comparison_uses_the_constant_time_API()
    {
        // Every public check funnels into one comparison, which must be the constant-time one.
        var compare = typeof(SmartPayWebhookVerifier).GetMethod("MatchesSignature", BindingFlags.NonPublic | BindingFlags.Static)!;
        var fixedTimeEquals = typeof(CryptographicOperations).GetMethod(nameof(CryptographicOperations.FixedTimeEquals))!;

        CalledMethods(compare).ShouldContain(fixedTimeEquals);
        CalledMethods(compare).ShouldNotContain(m => m.Name == "SequenceEqual" || (m.Name == "Equals" && m.DeclaringType == typeof(string)));
        foreach (var entry in typeof(SmartPayWebhookVerifier).GetMethods().Where(m => m.Name is nameof(SmartPayWebhookVerifier.IsValidSignature) or nameof(SmartPayWebhookVerifier.Verify)))
        {
            var calls = CalledMethods(entry);
            (calls.Contains(compare) || calls.Any(c => c.DeclaringType == typeof(SmartPayWebhookVerifier) && c.Name == nameof(SmartPayWebhookVerifier.Verify)))
                .ShouldBeTrue($"{entry} compares through MatchesSignature");
            calls.ShouldNotContain(m => m.Name == "SequenceEqual" || (m.Name == "Equals" && m.DeclaringType == typeof(string)));
        }
    }

    [Fact]
    public void A_missing_key_is_a_configuration_error()
    {
        Should.Throw<Tessera.Core.Clients.ClientConfigurationException>(() => SmartPayWebhookVerifier.FromOptions(new SmartPayClientOptions()))
            .Message.ShouldContain("webhook key");
    }

    /// <summary>The methods a method body calls, read from its IL (call and callvirt operands).</summary>
    private static List<MethodBase> CalledMethods(MethodInfo method)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        var called = new List<MethodBase>();
        for (var i = 0; i < il.Length - 4; i++)
        {
            if (il[i] is 0x28 or 0x6F)
            {
                try
                {
                    if (method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1), method.DeclaringType!.GetGenericArguments(), null) is { } target)
                    {
                        called.Add(target);
                    }
                }
                catch (ArgumentException)
                {
                    // Not a method token: the byte was part of another operand.
                }
            }
        }

        return called;
    }
}
