using Newtonsoft.Json.Linq;
using Tessera.Sandbox;

namespace Tessera.Cli.Tests;

/// <summary>The <c>pax8 webhooks</c> commands against the sandbox's Webhooks API v2 on a loopback port.</summary>
public sealed class Pax8WebhooksCommandTests : IAsyncLifetime
{
    private RunningSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Topics_create_list_get_test_logs_retry_and_delete_end_to_end()
    {
        var (topicsExit, topics, topicsError) = await RunAsync("pax8", "webhooks", "topics", "--all", "--json");
        topicsExit.ShouldBe(0, topicsError);
        var topic = JArray.Parse(topics)[0]["topic"]!.Value<string>()!;

        var body = Path.GetTempFileName();
        // Port 9 (discard) on loopback refuses at once: the test delivery fails and is logged, which retry can then use.
        await File.WriteAllTextAsync(body, $$"""
            {"displayName":"CLI hooks","url":"http://127.0.0.1:9/hooks","authorization":"Bearer cli-value","active":true,
             "webhookTopics":[{"topic":"{{topic}}","filters":[]}]}
            """);
        string id;
        try
        {
            var (createExit, created, createError) = await RunAsync("pax8", "webhooks", "create", "--body", body, "--json");
            createExit.ShouldBe(0, createError);
            id = JObject.Parse(created)["id"]!.Value<string>()!;
        }
        finally
        {
            File.Delete(body);
        }

        var (listExit, list, listError) = await RunAsync("pax8", "webhooks", "list", "--active", "true", "--json");
        listExit.ShouldBe(0, listError);
        JArray.Parse(list).Select(w => w["id"]!.Value<string>()).ShouldContain(id);
        (await RunAsync("pax8", "webhooks", "get", id, "--json")).ExitCode.ShouldBe(0);

        var (testExit, test, testError) = await RunAsync("pax8", "webhooks", "test", id, topic, "--json");
        testExit.ShouldBe(0, testError);
        JObject.Parse(test)["url"]!.Value<string>().ShouldBe("http://127.0.0.1:9/hooks");

        var (logsExit, logs, logsError) = await RunAsync("pax8", "webhooks", "logs", id, "--status", "FAILED", "--json");
        logsExit.ShouldBe(0, logsError);
        var logId = JArray.Parse(logs).Single()["id"]!.Value<string>()!;
        (await RunAsync("pax8", "webhooks", "retry", id, logId)).ExitCode.ShouldBe(0);
        _sandbox.Pax8.RequestLog.ShouldContain(r => r.Path == $"/pax8/api/v2/webhooks/{id}/logs/{logId}/retry" && r.Status == 202);

        (await RunAsync("pax8", "webhooks", "delete", id)).ExitCode.ShouldBe(0);
        (await RunAsync("pax8", "webhooks", "get", id)).ExitCode.ShouldBe(1);
    }

    private Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) =>
        CliRun.RunAsync(
            new Dictionary<string, string?>
            {
                ["PAX8_CLIENT_ID"] = SandboxOptions.DefaultPax8ClientId,
                ["PAX8_CLIENT_SECRET"] = SandboxOptions.DefaultPax8ClientSecret,
            },
            [.. args, "--base-url", _sandbox.Pax8BaseUrl.AbsoluteUri, "--token-url", _sandbox.Pax8TokenUrl.AbsoluteUri, "--webhooks-base-url", _sandbox.Pax8WebhooksBaseUrl.AbsoluteUri]);
}
