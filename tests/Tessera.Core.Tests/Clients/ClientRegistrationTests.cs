using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tessera.Core.Clients;
using Tessera.Core.Errors;
using Tessera.Core.Tests.TestSupport;
using Tessera.Testing;

namespace Tessera.Core.Tests.Clients;

/// <summary>The one registration path inside hosts that add their own resilience, logging and registrations.</summary>
public sealed class ClientRegistrationTests : IDisposable
{
    private readonly TestLogs _logs = new(LogLevel.Information);

    public void Dispose() => _logs.Dispose();

    private static IHttpClientBuilder AddTestClient(IServiceCollection services, StubHandler transport, string name = "", Action<TestOptions>? configure = null)
    {
        if (ClientRegistration.TryAdd<TestOptions, TestRuntime>(services, "Test", name, configure, null, (provider, options) => new TestRuntime(options, provider.GetService<ILoggerFactory>()), runtime => runtime.Options.BaseUrl, out var builder))
        {
            builder.ConfigurePrimaryHttpMessageHandler(() => transport);
        }

        return builder;
    }

    private ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton(_logs.Factory);
        configure(services);
        return services.BuildServiceProvider();
    }

    private static HttpClient Client(IServiceProvider provider, string name = "") =>
        provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientRegistration.HttpClientName("Test", name));

    private static HttpRequestMessage Post() => new(HttpMethod.Post, "orders") { Content = new StringContent("{\"amount\":1}") };

    [Fact]
    public async Task A_host_wide_standard_resilience_handler_does_not_resend_a_POST()
    {
        var wire = StubHandler.Always(HttpStatusCode.ServiceUnavailable);
        using var provider = Build(services =>
        {
            services.ConfigureHttpClientDefaults(builder => builder.AddStandardResilienceHandler());
            AddTestClient(services, wire);
        });

        using var response = await Client(provider).SendAsync(Post());

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        wire.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_host_wide_standard_resilience_handler_does_not_multiply_the_attempts_of_a_GET()
    {
        var wire = StubHandler.Always(HttpStatusCode.ServiceUnavailable);
        using var provider = Build(services =>
        {
            services.ConfigureHttpClientDefaults(builder => builder.AddStandardResilienceHandler());
            AddTestClient(services, wire);
        });

        using var response = await Client(provider).GetAsync("orders");

        wire.Count.ShouldBe(4); // the client's own 1 + 3 retries
    }

    [Fact]
    public async Task A_standard_resilience_handler_added_to_the_client_itself_is_replaced_too()
    {
        var wire = StubHandler.Always(HttpStatusCode.ServiceUnavailable);
        using var provider = Build(services => AddTestClient(services, wire).AddStandardResilienceHandler());

        using var response = await Client(provider).SendAsync(Post());

        wire.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_retry_handler_of_the_host_cannot_resend_a_POST()
    {
        var wire = StubHandler.Always(HttpStatusCode.ServiceUnavailable);
        using var provider = Build(services => AddTestClient(services, wire).AddHttpMessageHandler(() => new RetryTwiceHandler()));

        await Should.ThrowAsync<ResendRefusedException>(Client(provider).SendAsync(Post()));

        wire.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Registering_twice_makes_one_chain_and_at_most_four_attempts()
    {
        var wire = StubHandler.Always(HttpStatusCode.ServiceUnavailable);
        using var provider = Build(services =>
        {
            AddTestClient(services, wire);
            AddTestClient(services, wire, configure: o => o.Resilience.MaxRetryAttempts = 3);
        });

        using var response = await Client(provider).GetAsync("orders");

        wire.Count.ShouldBe(4);
        _logs.Records.Count(r => r.Id.Id == 1).ShouldBe(4, "one record per attempt, no duplicate logging handler");
    }

    [Fact]
    public async Task A_second_registration_adds_its_configuration()
    {
        var wire = StubHandler.Always(HttpStatusCode.ServiceUnavailable);
        using var provider = Build(services =>
        {
            AddTestClient(services, wire);
            AddTestClient(services, wire, configure: o => o.Resilience.MaxRetryAttempts = 1);
        });

        using var response = await Client(provider).GetAsync("orders");

        wire.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_factorys_default_loggers_are_removed_so_each_attempt_is_logged_once()
    {
        var wire = StubHandler.Always(HttpStatusCode.OK);
        using var provider = Build(services => AddTestClient(services, wire));

        using var response = await Client(provider).GetAsync("orders?api_key=secret-value-1");

        var record = _logs.Records.ShouldHaveSingleItem();
        record.Category.ShouldBe("Tessera.Test.Http");
        _logs.AllText.ShouldNotContain("secret-value-1");
    }

    [Fact]
    public async Task Named_registrations_have_separate_options_runtimes_and_budgets()
    {
        var wire = StubHandler.Always(HttpStatusCode.OK);
        using var provider = Build(services =>
        {
            AddTestClient(services, wire, "a", o => o.RequestsPerMinute = 1);
            AddTestClient(services, wire, "b", o => o.RequestsPerMinute = 1);
        });
        var a = provider.GetRequiredKeyedService<TestRuntime>("a");
        var b = provider.GetRequiredKeyedService<TestRuntime>("b");

        a.ShouldNotBeSameAs(b);
        a.RateLimiter.ShouldNotBeSameAs(b.RateLimiter);
        a.Redactor.ShouldNotBeSameAs(b.Redactor);
        using (var first = await Client(provider, "a").GetAsync("x"))
        using (var second = await Client(provider, "b").GetAsync("x"))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
            second.StatusCode.ShouldBe(HttpStatusCode.OK); // b's budget is its own: a's only permit is spent
        }

        a.RateLimiter!.GetStatistics()!.CurrentAvailablePermits.ShouldBe(0);
        b.RateLimiter!.GetStatistics()!.CurrentAvailablePermits.ShouldBe(0);
    }

    [Fact]
    public void Invalid_options_fail_at_startup_validation_with_the_clients_own_exception()
    {
        using var provider = Build(services => AddTestClient(services, StubHandler.Always(HttpStatusCode.OK), configure: o => o.RequestsPerMinute = -1));

        var exception = Should.Throw<ClientConfigurationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        exception.Message.ShouldContain("Test:RequestsPerMinute must be 0 (off) or positive");
    }

    /// <summary>A host's own retry handler: resends any 5xx, whatever the method.</summary>
    private sealed class RetryTwiceHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var attempt = 0; ; attempt++)
            {
                var response = await base.SendAsync(request, cancellationToken);
                if ((int)response.StatusCode < 500 || attempt == 2)
                {
                    return response;
                }

                response.Dispose();
            }
        }
    }
}
