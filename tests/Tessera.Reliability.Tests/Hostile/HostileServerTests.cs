using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Core.Clients;
using Tessera.Core.Errors;
using Tessera.Pax8;
using Tessera.SmartPay;
using Tessera.Smartex;

namespace Tessera.Reliability.Tests.Hostile;

/// <summary>
/// Broken or hostile servers over real loopback sockets: bodies larger than the client's limit (declared, streamed,
/// compressed), redirects that would carry credentials elsewhere, and credentials over plain http.
/// </summary>
public sealed class HostileServerTests
{
    private const long Limit = 1024 * 1024;

    private static readonly Lazy<byte[]> Bomb = new(() =>
    {
        // 64 MiB of spaces inside a JSON value: about 64 KB gzipped.
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write("{\"name\":\""u8);
            var spaces = new byte[1024 * 1024];
            spaces.AsSpan().Fill((byte)' ');
            for (var i = 0; i < 64; i++)
            {
                gzip.Write(spaces);
            }

            gzip.Write("\"}"u8);
        }

        return compressed.ToArray();
    });

    [Fact]
    public async Task A_streamed_body_over_the_limit_fails_at_the_limit_without_reading_the_rest()
    {
        await using var server = await HostileServer.StartAsync();
        server.Respond = async context =>
        {
            // 400 MB of a JSON array, chunked: no Content-Length to refuse up front.
            context.Response.ContentType = "application/json";
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"id\":1},", 64 * 1024 / 9)));
            try
            {
                await context.Response.Body.WriteAsync("["u8.ToArray());
                // Kestrel discards writes once the client has gone, so what the client read is measured on its side.
                for (long sent = 0; sent < 400_000_000 && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client stopped reading and closed the connection.
            }
            catch (IOException)
            {
            }
        };
        var transport = new CountingTransport();
        var client = Pax8(server, transport);

        var failure = await Should.ThrowAsync<ResponseTooLargeException>(() => client.FindCompaniesAsync());

        failure.Limit.ShouldBe(Limit);
        failure.StatusCode.ShouldBe(200);
        failure.ContentLength.ShouldBeNull();
        failure.Message.ShouldContain("Pax8 findCompanies");
        failure.Message.ShouldContain("Pax8:MaxResponseBytes (1,048,576 bytes");
        failure.IsTransient.ShouldBeFalse();
        transport.BytesRead.ShouldBeLessThan(8 * Limit, $"the client stopped reading at the limit instead of taking 400 MB (it read {transport.BytesRead:N0} bytes)");
        server.Requests.Count(r => r.StartsWith("GET", StringComparison.Ordinal)).ShouldBe(1, "an oversized body is not retried");
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_the_body_is_read()
    {
        await using var server = await HostileServer.StartAsync();
        server.Respond = async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 400_000_000;
            await context.Response.Body.WriteAsync(new byte[1024]);
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            context.Abort();
        };
        var client = Pax8(server);

        var failure = await Should.ThrowAsync<ResponseTooLargeException>(() => client.FindCompanyByIdAsync(Guid.NewGuid().ToString()));

        failure.ContentLength.ShouldBe(400_000_000);
        failure.Message.ShouldContain("it declared 400,000,000 bytes and was not read");
    }

    [Fact]
    public async Task A_compression_bomb_is_decompressed_only_up_to_the_limit()
    {
        await using var server = await HostileServer.StartAsync();
        server.Respond = async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.ContentEncoding = "gzip";
            try
            {
                await context.Response.Body.WriteAsync(Bomb.Value, context.RequestAborted);
            }
            catch (Exception) when (context.RequestAborted.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
            }
        };
        var transport = new CountingTransport();
        var client = Pax8(server, transport);

        var failure = await Should.ThrowAsync<ResponseTooLargeException>(() => client.FindCompanyByIdAsync(Guid.NewGuid().ToString()));

        failure.Limit.ShouldBe(Limit);
        Bomb.Value.Length.ShouldBeLessThan((int)Limit, "on the wire the bomb is far below the limit: the limit counts decompressed bytes");
        failure.ContentLength.ShouldBeNull("the decompressed body has no declared length");
        server.Requests.ShouldContain(r => r.StartsWith("GET /v1/companies/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_exactly_at_the_limit_is_read()
    {
        await using var server = await HostileServer.StartAsync();
        var json = await File.ReadAllTextAsync(Infrastructure.Repo.PathOf("tests", "Tessera.Pax8.Tests", "Payloads", "company.json"));
        var body = Encoding.UTF8.GetBytes(json.Trim().PadRight((int)Limit));
        server.Respond = context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync(body).AsTask();
        };

        var company = await Pax8(server).FindCompanyByIdAsync(Guid.NewGuid().ToString());

        body.Length.ShouldBe((int)Limit);
        company.Name.ShouldBe("Acme Dental Group");
    }

    [Fact]
    public async Task The_pax8_token_request_does_not_follow_a_redirect_to_another_origin()
    {
        await using var server = await HostileServer.StartAsync();
        await using var elsewhere = await HostileServer.StartAsync();
        server.Respond = RedirectTo(new Uri(elsewhere.BaseUrl, "token"));
        var client = Pax8Client.Create(new Pax8ClientOptions
        {
            ClientId = "hostile-client", ClientSecret = "hostile-client-secret-9f1", BaseUrl = new Uri(server.BaseUrl, "v1/"),
            TokenUrl = new Uri(server.BaseUrl, "oauth/token"), RequestsPerMinute = 0, Resilience = NoRetries(),
        });

        var failure = await Should.ThrowAsync<Exception>(() => client.FindCompanyByIdAsync(Guid.NewGuid().ToString()));

        elsewhere.Requests.ShouldBeEmpty("the client secret must not travel with the redirect");
        var refused = Find<RedirectRefusedException>(failure);
        refused.StatusCode.ShouldBe(307);
        refused.Location.ShouldBe(new Uri(elsewhere.BaseUrl, "token"));
        refused.Message.ShouldContain(server.BaseUrl.Authority, Case.Insensitive, "the message names the host that answered");
        refused.Message.ShouldNotContain("hostile-client-secret-9f1");
    }

    [Fact]
    public async Task SmartPay_does_not_resend_its_api_key_to_a_redirect_target()
    {
        await using var server = await HostileServer.StartAsync();
        await using var elsewhere = await HostileServer.StartAsync();
        server.Respond = RedirectTo(new Uri(elsewhere.BaseUrl, "authenticate"));
        var client = SmartPayClient.Create(new SmartPayClientOptions { ApiKey = "sp-hostile-api-key-77", BaseUrl = server.BaseUrl, RequestsPerMinute = 0, Resilience = NoRetries() });

        var failure = await Should.ThrowAsync<Exception>(() => client.GetConsumersAsync(new GetConsumersRequest()));

        elsewhere.Requests.ShouldBeEmpty("the api_key must not travel with the redirect");
        server.Requests.Count.ShouldBe(1);
        Find<RedirectRefusedException>(failure).StatusCode.ShouldBe(307);
        failure.ToString().ShouldNotContain("sp-hostile-api-key-77");
    }

    [Fact]
    public async Task Smartex_does_not_send_its_signed_request_to_a_redirect_target()
    {
        await using var server = await HostileServer.StartAsync();
        await using var elsewhere = await HostileServer.StartAsync();
        server.Respond = RedirectTo(new Uri(elsewhere.BaseUrl, "invoices"), status: 308);
        var options = Smartex.Tests.Infrastructure.TestClients.Options(o => o.BaseUrl = server.BaseUrl);
        var client = SmartexClient.Create(options);
        client.Tokens.Set(new Smartex.Tokens.SmartexStoredToken("pos", Smartex.Tests.Infrastructure.TestClients.PosToken));

        var failure = await Should.ThrowAsync<RedirectRefusedException>(() => client.CreateInvoiceAsync(new InvoiceRequest { Price = 10m, Currency = "USD" }));

        elsewhere.Requests.ShouldBeEmpty("the signed body and identity headers must not travel with the redirect");
        failure.StatusCode.ShouldBe(308);
        failure.Message.ShouldContain("to another origin");
    }

    [Fact]
    public async Task A_same_origin_redirect_is_not_followed_either()
    {
        await using var server = await HostileServer.StartAsync();
        server.Respond = context => context.Request.Path.StartsWithSegments("/moved", StringComparison.Ordinal)
            ? context.Response.WriteAsync("{}")
            : RedirectTo(new Uri("/moved/v1/companies", UriKind.Relative), status: 301)(context);

        var failure = await Should.ThrowAsync<RedirectRefusedException>(() => Pax8(server).FindCompanyByIdAsync(Guid.NewGuid().ToString()));

        failure.Location.ShouldBe(new Uri(server.BaseUrl, "/moved/v1/companies"));
        failure.Message.ShouldNotContain("another origin");
        server.Requests.ShouldNotContain(r => r.Contains("/moved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_supplied_primary_handler_is_switched_to_not_following_redirects()
    {
        await using var server = await HostileServer.StartAsync();
        await using var elsewhere = await HostileServer.StartAsync();
        server.Respond = RedirectTo(new Uri(elsewhere.BaseUrl, "v1/companies"), status: 302);
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(builder => builder.ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler()));
        services.AddPax8Client(options =>
        {
            options.ClientId = "hostile-client";
            options.ClientSecret = "hostile-client-secret-9f1";
            options.BaseUrl = new Uri(server.BaseUrl, "v1/");
            options.TokenUrl = server.TokenUrl;
            options.RequestsPerMinute = 0;
            options.Resilience = NoRetries();
        });
        await using var provider = services.BuildServiceProvider();

        await Should.ThrowAsync<RedirectRefusedException>(() => provider.GetRequiredService<IPax8Client>().FindCompanyByIdAsync(Guid.NewGuid().ToString()));

        elsewhere.Requests.ShouldBeEmpty("the bearer token must not travel with the redirect");
    }

    [Theory]
    [InlineData("http://api.pax8.example/v1/")]
    [InlineData("http://10.0.0.5/v1/")]
    public void Pax8_refuses_credentials_over_plain_http_to_a_host_that_is_not_loopback(string url)
    {
        var options = new Pax8ClientOptions { ClientId = "id", ClientSecret = "secret", BaseUrl = new Uri(url) };

        var failure = Should.Throw<ClientConfigurationException>(() => Pax8Client.Create(options));

        failure.Message.ShouldContain($"Pax8:BaseUrl is '{url}'");
        failure.Message.ShouldContain("Pax8:DangerousAllowCredentialsOverHttp");
    }

    [Fact]
    public void Every_configured_url_of_every_client_is_checked_and_the_opt_out_is_explicit()
    {
        Should.Throw<ClientConfigurationException>(() => Pax8Client.Create(new Pax8ClientOptions { ClientId = "id", ClientSecret = "secret", TokenUrl = new Uri("http://login.pax8.example/oauth/token") }))
            .Message.ShouldContain("Pax8:TokenUrl");
        Should.Throw<ClientConfigurationException>(() => SmartPayClient.Create(new SmartPayClientOptions { ApiKey = "key", BaseUrl = new Uri("http://smartpay.example/api/") }))
            .Message.ShouldContain("SmartPay:BaseUrl");
        Should.Throw<ClientConfigurationException>(() => SmartexClient.Create(Smartex.Tests.Infrastructure.TestClients.Options(o => o.BaseUrl = new Uri("http://smartex.example/"))))
            .Message.ShouldContain("Smartex:BaseUrl");

        // Loopback (the sandbox, tests) and the loudly named opt-out are accepted.
        Should.NotThrow(() => SmartPayClient.Create(new SmartPayClientOptions { ApiKey = "key", BaseUrl = new Uri("http://localhost:5190/smartpay/") }));
        Should.NotThrow(() => SmartPayClient.Create(new SmartPayClientOptions { ApiKey = "key", BaseUrl = new Uri("http://[::1]:5190/smartpay/") }));
        Should.NotThrow(() => SmartPayClient.Create(new SmartPayClientOptions { ApiKey = "key", BaseUrl = new Uri("http://smartpay.internal/api/"), DangerousAllowCredentialsOverHttp = true }));
    }

    [Fact]
    public void A_url_with_user_info_is_refused_without_echoing_the_password()
    {
        var failure = Should.Throw<ClientConfigurationException>(() => Pax8Client.Create(new Pax8ClientOptions { ClientId = "id", ClientSecret = "secret", BaseUrl = new Uri("https://user:p4ssw0rd-in-url@api.pax8.com/v1/") }));

        failure.Message.ShouldContain("Pax8:BaseUrl must not carry credentials");
        failure.Message.ShouldNotContain("p4ssw0rd-in-url");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_cli_says_which_operation_field_and_value_could_not_be_read(bool verbose)
    {
        await using var server = await HostileServer.StartAsync();
        var page = await File.ReadAllTextAsync(Infrastructure.Repo.PathOf("tests", "Tessera.Pax8.Tests", "Payloads", "company-page.json"));
        server.Respond = context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(page.Replace("\"size\": 2", "\"size\": \"two\"", StringComparison.Ordinal));
        };
        string[] args = ["pax8", "companies", "list", "--base-url", new Uri(server.BaseUrl, "v1/").ToString(), "--token-url", server.TokenUrl.ToString()];

        var (exitCode, _, error) = await Infrastructure.CliRun.RunAsync(
            new Dictionary<string, string?> { ["PAX8_CLIENT_ID"] = "hostile-client", ["PAX8_CLIENT_SECRET"] = "hostile-client-secret-9f1" },
            verbose ? [.. args, "--verbose"] : args);

        exitCode.ShouldNotBe(0);
        error.ShouldContain("error: Pax8 findCompanies: Could not read 'page.size'");
        error.ShouldContain("as Pax8Page.size (integer); got the string \"two\"");
        error.ShouldNotContain("hostile-client-secret-9f1");
        if (verbose)
        {
            error.ShouldContain("response body (redacted):");
            error.ShouldContain("totalElements");
        }
        else
        {
            error.ShouldNotContain("response body");
        }
    }

    private static Pax8Client Pax8(HostileServer server, CountingTransport? transport = null) => Pax8Client.Create(new Pax8ClientOptions
    {
        ClientId = "hostile-client",
        ClientSecret = "hostile-client-secret-9f1",
        BaseUrl = new Uri(server.BaseUrl, "v1/"),
        TokenUrl = server.TokenUrl,
        RequestsPerMinute = 0,
        MaxResponseBytes = Limit,
        Resilience = NoRetries(),
    }, primaryHandler: transport?.CreateHandler());

    private static Core.Resilience.ResilienceOptions NoRetries() => new() { MaxRetryAttempts = 0, EnableCircuitBreaker = false };

    private static Func<HttpContext, Task> RedirectTo(Uri location, int status = 307) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location.OriginalString;
        return context.Response.WriteAsync("<html>moved</html>");
    };

    private static T Find<T>(Exception exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        throw new ShouldAssertException($"No {typeof(T).Name} in {exception}");
    }
}
