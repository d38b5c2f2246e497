using System.Net;
using Tessera.Core.Caching;
using Tessera.SmartPay.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.SmartPay.Tests.Authentication;

/// <summary>The api_key → session token handshake: caching, single flight, renewal before expires_on, token errors.</summary>
public sealed class SessionTokenTests
{
    private static readonly string RenewedAuthenticate =
        $$$"""{"result":{"token":"{{{TestClients.RenewedToken}}}","expires_on":"2026-01-01 02:30:00"}}""";

    [Fact]
    public async Task Token_is_fetched_once_and_sent_in_every_body()
    {
        var (client, transport) = TestClients.Canned(TestClients.Success);

        await client.DeleteConsumerAsync(new DeleteConsumerRequest { ConsumerId = "a" });
        await client.DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = "b" });
        await client.GetOrdersAsync(new GetOrdersRequest());

        transport.Requests.Count(TestClients.IsAuthenticate).ShouldBe(1);
        transport.Requests.Where(r => !TestClients.IsAuthenticate(r)).ShouldAllBe(r => TestClients.TokenOf(r) == TestClients.Token);
        transport.Requests.ShouldAllBe(r => !r.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Concurrent_first_calls_share_exactly_one_authenticate()
    {
        var (client, transport) = TestClients.Canned(_ => TestClients.Json(Payloads.Read("consumer-list")));

        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => client.GetConsumersAsync(new GetConsumersRequest())));

        transport.Requests.Count(TestClients.IsAuthenticate).ShouldBe(1);
        transport.Requests.Count(r => !TestClients.IsAuthenticate(r)).ShouldBe(32);
    }

    [Fact]
    public async Task A_token_expiring_mid_run_is_renewed_transparently()
    {
        var clock = new FakeTimeProvider(TestClients.Start);
        var authentications = 0;
        var transport = new RecordingHandler(request => TestClients.IsAuthenticate(request)
            ? TestClients.Json(Interlocked.Increment(ref authentications) == 1 ? Payloads.Read("authenticate") : RenewedAuthenticate)
            : TestClients.Json(Payloads.Read("status")));
        var client = SmartPayClient.Create(TestClients.Options(o => o.TimeProvider = clock), primaryHandler: transport);

        await client.DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = "w" });
        clock.Advance(TimeSpan.FromMinutes(54));
        await client.DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = "w" });
        clock.Advance(TimeSpan.FromMinutes(2)); // 00:56, inside the 5-minute margin before expires_on 01:00
        await client.DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = "w" });
        clock.Advance(TimeSpan.FromMinutes(30)); // 01:26, long past the first token's expiry
        await client.DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = "w" });

        authentications.ShouldBe(2);
        transport.Requests.Where(r => !TestClients.IsAuthenticate(r)).Select(TestClients.TokenOf)
            .ShouldBe([TestClients.Token, TestClients.Token, TestClients.RenewedToken, TestClients.RenewedToken]);
    }

    [Theory]
    [InlineData("2546", "Invalid token")]
    [InlineData("5783", "Expired token; please reauthenticate using your API key")]
    [InlineData("0002", "Incorrect token")]
    [InlineData("0003", "Expired token, please reauthenticate using your API key")]
    [InlineData("9999", "Your session TOKEN has expired")]
    public async Task A_token_error_on_200_re_authenticates_once_and_replays_once(string code, string message)
    {
        var authentications = 0;
        var calls = 0;
        var transport = new RecordingHandler(request =>
        {
            if (TestClients.IsAuthenticate(request))
            {
                return TestClients.Json(Interlocked.Increment(ref authentications) == 1 ? Payloads.Read("authenticate") : RenewedAuthenticate);
            }

            return Interlocked.Increment(ref calls) == 1
                ? TestClients.Json($$$"""{"errors":{"{{{code}}}":"{{{message}}}"}}""")
                : TestClients.Json(Payloads.Read("consumer-reference"));
        });
        var client = SmartPayClient.Create(TestClients.Options(), primaryHandler: transport);

        var response = await client.CreateConsumerAsync(Wire.OperationCases.NewConsumer());

        response.Result!.ConsumerId.ShouldBe("gHi789");
        authentications.ShouldBe(2);
        calls.ShouldBe(2, "the rejected request is replayed exactly once (it was not processed, so even a create is safe)");
        var sent = transport.Requests.Where(r => !TestClients.IsAuthenticate(r)).ToList();
        TestClients.TokenOf(sent[0]).ShouldBe(TestClients.Token);
        TestClients.TokenOf(sent[1]).ShouldBe(TestClients.RenewedToken);
        WireFormatter.FormFields(sent[1].Body).Remove("token").ShouldBeTrue();
        WireFormatter.FormFields(sent[1].Body).Where(f => f.Key != "token").ShouldBe(WireFormatter.FormFields(sent[0].Body).Where(f => f.Key != "token"));
    }

    [Fact]
    public async Task A_token_error_that_persists_after_the_replay_is_thrown_typed()
    {
        var (client, transport) = TestClients.Canned(_ => TestClients.Json("""{"errors":{"2546":"Invalid token"}}"""));

        var exception = await Should.ThrowAsync<SmartPayErrorResponseException>(() => client.GetConsumersAsync(new GetConsumersRequest()));

        exception.IsTokenError.ShouldBeTrue();
        exception.HasCode(SmartPayErrorCodes.InvalidToken).ShouldBeTrue();
        transport.Requests.Count(r => !TestClients.IsAuthenticate(r)).ShouldBe(2);
        transport.Requests.Count(TestClients.IsAuthenticate).ShouldBe(2);
    }

    [Fact]
    public async Task An_HTTP_401_also_renews_the_token_once()
    {
        var calls = 0;
        var (client, transport) = TestClients.Canned(_ => Interlocked.Increment(ref calls) == 1
            ? new HttpResponseMessage(HttpStatusCode.Unauthorized)
            : TestClients.Json(Payloads.Read("status")));

        await client.DeleteConsumerAsync(new DeleteConsumerRequest { ConsumerId = "a" });

        calls.ShouldBe(2);
        transport.Requests.Count(TestClients.IsAuthenticate).ShouldBe(2);
    }

    [Fact]
    public async Task Other_errors_are_not_replayed()
    {
        var (client, transport) = TestClients.Canned(_ => TestClients.Json(Payloads.Read("errors-on-200")));

        await Should.ThrowAsync<SmartPayErrorResponseException>(() => client.CreateConsumerAsync(Wire.OperationCases.NewConsumer()));

        transport.Requests.Count(r => !TestClients.IsAuthenticate(r)).ShouldBe(1);
        transport.Requests.Count(TestClients.IsAuthenticate).ShouldBe(1);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    public async Task An_authenticate_answer_with_an_empty_errors_member_beside_its_result_is_a_token(string empty)
    {
        var transport = new RecordingHandler(request => TestClients.IsAuthenticate(request)
            ? TestClients.Json($$$"""{"result":{"token":"{{{TestClients.Token}}}","expires_on":"2026-01-01 01:00:00"},"errors":{{{empty}}}}""")
            : TestClients.Json($$$"""{"result":{"status":"success"},"errors":{{{empty}}}}"""));
        var client = SmartPayClient.Create(TestClients.Options(), primaryHandler: transport);

        var response = await client.DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = "w" });

        response.Result!.Status.ShouldBe(OperationStatus.Success);
        transport.Requests.Where(r => !TestClients.IsAuthenticate(r)).Select(TestClients.TokenOf).ShouldBe([TestClients.Token]);
    }

    [Fact]
    public async Task A_rejected_api_key_raises_an_authentication_error_without_the_secret()
    {
        // The 2018 servers echoed the api_key back next to the error.
        var transport = new RecordingHandler(_ => TestClients.Json($$$"""{"api_key":"{{{TestClients.ApiKey}}}","errors":{"1001":"Invalid key {{{TestClients.ApiKey}}}"}}"""));
        var client = SmartPayClient.Create(TestClients.Options(), primaryHandler: transport);

        var exception = await Should.ThrowAsync<SmartPayAuthenticationException>(() => client.GetConsumersAsync(new GetConsumersRequest()));

        exception.Message.ShouldContain("rejected the api_key");
        exception.Message.ShouldContain("1001");
        exception.Errors.Keys.ShouldBe([SmartPayErrorCodes.InvalidKey]);
        exception.ToString().ShouldNotContain(TestClients.ApiKey);
        exception.InnerException!.Message.ShouldNotContain(TestClients.ApiKey);
        transport.Requests.Count.ShouldBe(1, "nothing is sent without a token");
    }

    [Fact]
    public async Task An_authenticate_answer_without_a_token_is_an_authentication_error()
    {
        var transport = new RecordingHandler(_ => TestClients.Json("""{"result":{"token":"","expires_on":"2026-01-01 01:00:00"}}"""));
        var client = SmartPayClient.Create(TestClients.Options(), primaryHandler: transport);

        await Should.ThrowAsync<SmartPayAuthenticationException>(() => client.GetConsumersAsync(new GetConsumersRequest()));
    }

    [Fact]
    public async Task Tokens_are_cached_per_api_key_and_the_cache_key_hides_it()
    {
        var cache = new RecordingTokenCache();
        var (first, firstTransport) = TestClients.Canned(_ => TestClients.Json(Payloads.Read("status")), o => o.TokenCacheInstance = cache);
        var (second, secondTransport) = TestClients.Canned(_ => TestClients.Json(Payloads.Read("status")), o => o.TokenCacheInstance = cache);
        var (other, otherTransport) = TestClients.Canned(_ => TestClients.Json(Payloads.Read("status")), o =>
        {
            o.TokenCacheInstance = cache;
            o.ApiKey = "sp_another_merchant_key";
        });

        await first.DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = "w" });
        await second.DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = "w" });
        await other.DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = "w" });

        firstTransport.Requests.Count(TestClients.IsAuthenticate).ShouldBe(1);
        secondTransport.Requests.Count(TestClients.IsAuthenticate).ShouldBe(0, "the same api_key reuses the cached token");
        otherTransport.Requests.Count(TestClients.IsAuthenticate).ShouldBe(1, "another api_key never sees that token");
        cache.Keys.Count.ShouldBe(2);
        cache.Keys.ShouldAllBe(key => !key.Contains(TestClients.ApiKey) && key.StartsWith("smartpay|", StringComparison.Ordinal));
    }

    [Fact]
    public void Expiry_is_trusted_within_one_hour_and_a_past_expiry_means_a_suspect_clock()
    {
        var now = TestClients.Start;

        DateTimeOffset ExpiresAt(DateTimeOffset expiresOn) =>
            SmartPayTokenSource.LifetimePolicy.Resolve(new Tessera.Core.Auth.TokenGrant("t", expiresAt: expiresOn), now).ExpiresAt;

        ExpiresAt(now.AddMinutes(60)).ShouldBe(now.AddMinutes(60));
        ExpiresAt(now.AddMinutes(20)).ShouldBe(now.AddMinutes(20));
        ExpiresAt(now.AddMinutes(61)).ShouldBe(now.AddHours(1), "tokens live at most one hour");
        ExpiresAt(now.AddHours(5)).ShouldBe(now.AddMinutes(55), "an expiry hours away means the clocks disagree");
        ExpiresAt(now.AddHours(-5)).ShouldBe(now.AddMinutes(55), "an 'Eastern time' expiry is in the past by the UTC clock");
    }

    [Fact]
    public async Task An_expires_on_in_the_past_costs_one_authenticate_not_one_per_call()
    {
        var clock = new FakeTimeProvider(TestClients.Start);
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        var pastExpiry = Payloads.Read("authenticate").Replace("2026-01-01 01:00:00", "2025-12-31 19:00:00", StringComparison.Ordinal);
        pastExpiry.ShouldNotBe(Payloads.Read("authenticate"), "the fixture's expires_on is one hour after the test clock's start");
        var transport = new RecordingHandler(request => TestClients.Json(TestClients.IsAuthenticate(request) ? pastExpiry : Payloads.Read("status")));
        var client = SmartPayClient.Create(TestClients.Options(o => o.TimeProvider = clock), loggerFactory, transport);

        for (var call = 0; call < 10; call++)
        {
            await client.DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = "w" });
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        transport.Requests.Count(TestClients.IsAuthenticate).ShouldBe(1);
        logs.GetSnapshot().Count(r => r.Level == LogLevel.Warning && r.Message.Contains("disagrees with the local clock", StringComparison.Ordinal))
            .ShouldBe(1, "skew is logged once, not per call");
    }

    [Fact]
    public void Missing_settings_are_reported_clearly()
    {
        var exception = Should.Throw<Tessera.Core.Clients.ClientConfigurationException>(() => SmartPayClient.Create(new SmartPayClientOptions { RequestsPerMinute = -1 }));

        exception.Message.ShouldContain("ApiKey is required");
        exception.Message.ShouldContain("RequestsPerMinute must be 0 (off) or positive");
    }

    [Fact]
    public void Options_never_show_the_secrets()
    {
        var options = TestClients.Options(o => o.WebhookKey = "whk_secret_value_123");

        options.ToString().ShouldNotContain(TestClients.ApiKey);
        options.ToString().ShouldNotContain("whk_secret_value_123");
        options.ToString().ShouldContain("ApiKey=***");
    }

    private sealed class RecordingTokenCache : Tessera.Core.Auth.ITokenCache
    {
        private readonly MemoryTokenCache _inner = new();

        public HashSet<string> Keys { get; } = [];

        public ValueTask<Tessera.Core.Auth.AccessToken?> GetAsync(string key, CancellationToken cancellationToken = default) => _inner.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, Tessera.Core.Auth.AccessToken token, CancellationToken cancellationToken = default)
        {
            lock (Keys)
            {
                Keys.Add(key);
            }

            return _inner.SetAsync(key, token, cancellationToken);
        }

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) => _inner.RemoveAsync(key, cancellationToken);
    }
}
