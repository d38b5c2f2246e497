using Tessera.Testing;
using Tessera.SmartPay.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Tessera.SmartPay.Tests.Logging;

/// <summary>The api_key and the session token never reach the logs, even at Trace with bodies logged and echoed.</summary>
public sealed class SecretLeakTests
{
    [Fact]
    public async Task Trace_logs_of_a_whole_session_never_contain_the_api_key_or_the_token()
    {
        using var logs = new TestLogs();
        var calls = 0;
        var transport = new RecordingHandler(request => TestClients.IsAuthenticate(request)
            ? TestClients.Json(Payloads.Read("authenticate-echo"))
            : Interlocked.Increment(ref calls) switch
            {
                1 => TestClients.Json($$$"""{"token":"{{{TestClients.Token}}}","errors":{"5783":"Expired token {{{TestClients.Token}}}"}}"""),
                2 => TestClients.Json(Payloads.Read("consumer-list")),
                _ => TestClients.Json(Payloads.Read("errors-on-200")),
            });
        var client = SmartPayClient.Create(TestClients.Options(o => o.OnWarnings = _ => { }), logs.Factory, transport);

        await client.GetConsumersAsync(new GetConsumersRequest());
        await Should.ThrowAsync<SmartPayErrorResponseException>(() => client.CreateConsumerAsync(Wire.OperationCases.NewConsumer()));

        var text = logs.AllText;
        logs.Records.ShouldContain(e => e.Level == LogLevel.Trace && e.Message.Contains("request body", StringComparison.Ordinal));
        logs.Records.ShouldContain(e => e.Level == LogLevel.Trace && e.Message.Contains("api_key=***", StringComparison.Ordinal));
        text.ShouldNotContain(TestClients.ApiKey);
        text.ShouldNotContain(TestClients.Token);
    }
}
