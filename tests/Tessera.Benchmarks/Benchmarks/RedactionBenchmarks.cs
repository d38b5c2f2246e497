using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Tessera.Benchmarks.Infrastructure;
using Tessera.Core.Auth;
using Tessera.Core.Caching;
using Tessera.Core.Diagnostics;

namespace Tessera.Benchmarks.Benchmarks;

/// <summary>
/// Redacting one 4 KB response body (it carries the current token once) with a client's redactor: with only the
/// configured secrets, after 10,000 tokens were issued one hour apart through the token provider (what a SmartPay
/// process accumulates in 14 months), and with 10,000 secrets all live (the matcher's worst case).
/// </summary>
[InvocationCount(20_000)] // the pilot misjudges a call this short; a fixed count keeps every iteration under a second
public class RedactionBenchmarks
{
    private SecretRedactor _configuredOnly = null!;
    private SecretRedactor _afterTenThousandTokens = null!;
    private SecretRedactor _tenThousandLive = null!;
    private string _body = null!;
    private string _current = null!;

    [GlobalSetup]
    public void Setup()
    {
        _configuredOnly = new SecretRedactor();
        _configuredOnly.AddSecret("sp_live_key_9d2f7a41c6e0");
        _configuredOnly.AddSecret("webhook-key-3b8e1f0a");

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _afterTenThousandTokens = new SecretRedactor();
        _afterTenThousandTokens.AddSecret("sp_live_key_9d2f7a41c6e0");
        _afterTenThousandTokens.AddSecret("webhook-key-3b8e1f0a");
        var issued = 0;
        var provider = new CachingTokenProvider(
            _ => Task.FromResult(new AccessToken($"tok_{Interlocked.Increment(ref issued):D6}_3f9a2c71d4e8b6a0", time.GetUtcNow().AddHours(1))),
            new MemoryTokenCache(),
            "smartpay|benchmark",
            new TokenProviderOptions { TimeProvider = time, Redactor = _afterTenThousandTokens });
        for (var i = 0; i < 10_000; i++)
        {
            _current = provider.GetTokenAsync().AsTask().GetAwaiter().GetResult().Value;
            time.Advance(TimeSpan.FromHours(1));
        }

        _tenThousandLive = new SecretRedactor();
        for (var i = 0; i < 10_000; i++)
        {
            _tenThousandLive.AddSecret($"live_{i:D6}_9d2f7a41c6e0");
        }

        var body = new StringBuilder("{\"result\":[");
        while (body.Length < 4000)
        {
            body.Append("{\"consumer_id\":\"c_1029384756\",\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"ada@example.org\",\"status\":\"active\"},");
        }

        _body = body.Append("{\"echo\":\"").Append(_current).Append("\"}]}").ToString();
        Check.Equal(_afterTenThousandTokens.Redact(_body).Contains(_current, StringComparison.Ordinal), false);
    }

    [Benchmark(Baseline = true, Description = "4 KB, 2 configured secrets")]
    public string ConfiguredOnly() => _configuredOnly.Redact(_body);

    [Benchmark(Description = "4 KB, after 10,000 tokens issued 1 h apart")]
    public string AfterTenThousandTokens() => _afterTenThousandTokens.Redact(_body);

    [Benchmark(Description = "4 KB, 10,000 secrets all live")]
    public string TenThousandLive() => _tenThousandLive.Redact(_body);
}
