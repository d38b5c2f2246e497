using Tessera.Testing;
using Tessera.Pax8;
using Tessera.Reliability.Tests.Infrastructure;
using Tessera.Sandbox;
using Tessera.Sandbox.SmartPay;
using Tessera.Smartex.Identity;
using Tessera.SmartPay;
using Xunit.Abstractions;

namespace Tessera.Reliability.Tests.Secrets;

/// <summary>
/// The whole tour at Trace level, then failing calls of every client: no secret that crossed the wire (client secret,
/// api key, access and session tokens, facade tokens, pairing codes, signatures, the Smartex private key) appears in
/// the logs, the console output, exception messages or any approved snapshot file.
/// </summary>
public sealed class SecretLeakTests(ITestOutputHelper output)
{
    private static readonly string[] KnownSecrets = [SandboxOptions.DefaultPax8ClientSecret, SmartPaySandboxOptions.DefaultApiKey];

    [Fact(Timeout = 120_000)]
    public async Task The_tour_at_trace_level_leaks_no_secret()
    {
        var options = new SandboxOptions { Pax8RequestsPerMinute = 0 };
        options.Faults!.RecordTraffic = true;
        await using var sandbox = await SandboxServer.StartAsync(options);
        var keys = new PrivateKeyWatcher();

        var (exitCode, stdout, stderr) = await keys.WhileRunningAsync(() => CliRun.RunAsync(
            new Dictionary<string, string?>(),
            "tour", "--trace",
            "--pax8-url", sandbox.Pax8BaseUrl.ToString(), "--pax8-token-url", sandbox.Pax8TokenUrl.ToString(),
            "--smartpay-url", sandbox.SmartPayBaseUrl.ToString(), "--smartex-url", sandbox.SmartexBaseUrl.ToString(),
            "--sandbox-url", sandbox.BaseAddress.ToString()));

        exitCode.ShouldBe(0, stderr);
        var traffic = options.Faults.Traffic;
        var secrets = SecretHarvest.From(traffic);
        secrets.UnionWith(KnownSecrets);
        secrets.UnionWith(keys.Secrets);
        keys.Secrets.ShouldNotBeEmpty("the tour's Smartex private key was captured");
        secrets.Count.ShouldBeGreaterThan(10);
        stderr.ShouldContain("trce:", Case.Sensitive, "bodies are logged at Trace");

        var scanned = Scan(secrets, ("stderr (logs)", stderr), ("stdout", stdout));
        output.WriteLine($"Tour: {traffic.Count} exchanges, {secrets.Count} distinct secret values, {stderr.Split('\n').Length} log lines and {stdout.Split('\n').Length} output lines scanned; {scanned.Approved} approved files scanned.");
        scanned.Leaks.ShouldBeEmpty();
    }

    [Fact(Timeout = 60_000)]
    public async Task Failing_calls_of_every_client_leak_no_secret_into_exceptions_or_trace_logs()
    {
        var logs = new TestLogs();
        var factory = logs.Factory;
        var options = new SandboxOptions { Pax8RequestsPerMinute = 0 };
        options.Faults!.RecordTraffic = true;
        await using var sandbox = await SandboxServer.StartInMemoryAsync(options);
        var identity = SmartexIdentity.Generate();
        var resilience = Harness.FastResilience();
        var pax8 = Pax8Client.Create(new Pax8ClientOptions { ClientId = SandboxOptions.DefaultPax8ClientId, ClientSecret = SandboxOptions.DefaultPax8ClientSecret, BaseUrl = sandbox.Pax8BaseUrl, TokenUrl = sandbox.Pax8TokenUrl, RequestsPerMinute = 0, Resilience = resilience }, factory, sandbox.CreateHandler());
        var smartPay = SmartPayClient.Create(new SmartPayClientOptions { ApiKey = SmartPaySandboxOptions.DefaultApiKey, BaseUrl = sandbox.SmartPayBaseUrl, RequestsPerMinute = 0, Resilience = resilience }, factory, sandbox.CreateHandler());
        var smartex = Smartex.SmartexClient.Create(new Smartex.SmartexClientOptions { BaseUrl = sandbox.SmartexBaseUrl, Identity = identity, RequestsPerMinute = 0, Resilience = resilience }, factory, sandbox.CreateHandler());
        var state = sandbox.GetState<SmartexSandboxState>();
        var code = state.IssuePairingCode("merchant");
        await smartex.Pairing.PairWithCodeAsync(code);
        var request = await smartex.Pairing.RequestTokenAsync("pos");

        var exceptions = new List<Exception>();
        async Task Fail(Func<Task> call)
        {
            var exception = await Should.ThrowAsync<Exception>(call);
            Outcomes.IsTyped(exception).ShouldBeTrue(exception.ToString());
            exceptions.Add(exception);
        }

        await pax8.FindCompaniesAsync(size: 1);
        await Fail(() => pax8.FindCompanyByIdAsync(Guid.NewGuid().ToString()));
        sandbox.Pax8.ExpireAllTokens();
        var invalid = Pax8Orders.NewCompany();
        invalid.Name = string.Empty;
        await Fail(() => pax8.CreateCompanyAsync(invalid));
        await Fail(() => Pax8Client.Create(new Pax8ClientOptions { ClientId = "wrong", ClientSecret = "wrong-secret-value", BaseUrl = sandbox.Pax8BaseUrl, TokenUrl = sandbox.Pax8TokenUrl, RequestsPerMinute = 0, Resilience = resilience }, factory, sandbox.CreateHandler()).FindCompaniesAsync());
        await smartPay.GetConsumersAsync(new GetConsumersRequest());
        await Fail(() => smartPay.DeleteConsumerAsync(new DeleteConsumerRequest { ConsumerId = "nope000" }));
        sandbox.GetState<SmartPaySandboxState>().ExpireAllTokens();
        await Fail(() => smartPay.ModifyConsumerAsync(new ModifyConsumerRequest { ConsumerId = "nope000", Email = "not-an-email" }));
        await Fail(() => SmartPayClient.Create(new SmartPayClientOptions { ApiKey = "wrong-api-key-value", BaseUrl = sandbox.SmartPayBaseUrl, RequestsPerMinute = 0, Resilience = resilience }, factory, sandbox.CreateHandler()).GetOrdersAsync(new GetOrdersRequest()));
        await Fail(() => smartex.GetInvoiceAsync("doesNotExist0000000000"));
        await Fail(() => smartex.CreateInvoiceAsync(new Smartex.InvoiceRequest { Price = 10m, Currency = "USD" }));
        await Fail(() => smartex.Pairing.PairWithCodeAsync("abcdefg"));

        factory.Dispose();
        var secrets = SecretHarvest.From(options.Faults.Traffic);
        secrets.UnionWith(KnownSecrets);
        secrets.UnionWith(["wrong-secret-value", "wrong-api-key-value", identity.ExportPrivateKeyHex(), code]);

        // The code of a client-initiated pairing is shown, not hidden: the merchant approves exactly that code, and
        // Smartex's "not active yet: approve pairing code …" error names it. A dashboard code (code) stays secret.
        secrets.Remove(request.PairingCode);
        secrets.UnionWith(identity.ExportPem().Split('\n').Where(line => line.Length > 20 && !line.StartsWith("-----", StringComparison.Ordinal)));
        var messages = exceptions.Select(e => ("exception", e.ToString()));
        var scanned = Scan(secrets, [("logs", logs.AllText), .. messages]);
        output.WriteLine($"Failing calls: {exceptions.Count} exceptions, {logs.Records.Count} log lines, {secrets.Count} secret values; {scanned.Approved} approved files scanned.");
        logs.Records.Count.ShouldBeGreaterThan(20);
        scanned.Leaks.ShouldBeEmpty();
    }

    /// <summary>Every text, and every approved snapshot file of the repository, must contain none of the secrets.</summary>
    private static (List<string> Leaks, int Approved) Scan(IReadOnlyCollection<string> secrets, params (string Where, string Text)[] texts)
    {
        var approved = Directory.EnumerateFiles(Repo.PathOf("tests"), "*.approved.*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var all = texts.Concat(approved.Select(f => (Path.GetRelativePath(Repo.Root, f), File.ReadAllText(f))));
        var leaks = new List<string>();
        foreach (var (where, text) in all)
        {
            foreach (var secret in secrets.Where(s => text.Contains(s, StringComparison.Ordinal)))
            {
                var at = text.IndexOf(secret, StringComparison.Ordinal);
                leaks.Add($"{where}: '{secret}' in …{text.Substring(Math.Max(0, at - 80), Math.Min(160 + secret.Length, text.Length - Math.Max(0, at - 80)))}…");
            }
        }

        return (leaks, approved.Count);
    }

    /// <summary>Reads the key file the Smartex tour creates in a temporary directory (and deletes at the end) while it exists.</summary>
    private sealed class PrivateKeyWatcher
    {
        public HashSet<string> Secrets { get; } = new(StringComparer.Ordinal);

        public async Task<T> WhileRunningAsync<T>(Func<Task<T>> run)
        {
            var existing = Directory.GetDirectories(Path.GetTempPath(), "smartex-tour-*").ToHashSet();
            using var stop = new CancellationTokenSource();
            var watch = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), "smartex-tour-*").Where(d => !existing.Contains(d)))
                    {
                        try
                        {
                            var identity = SmartexIdentity.FromPem(await File.ReadAllTextAsync(Path.Combine(directory, "api.key")));
                            lock (Secrets)
                            {
                                Secrets.Add(identity.ExportPrivateKeyHex());
                                Secrets.UnionWith(identity.ExportPem().Split('\n').Where(line => line.Length > 20 && !line.StartsWith("-----", StringComparison.Ordinal)));
                            }
                        }
                        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
                        {
                        }
                    }

                    await Task.Delay(5);
                }
            });
            try
            {
                return await run();
            }
            finally
            {
                await stop.CancelAsync();
                await watch;
            }
        }
    }
}
