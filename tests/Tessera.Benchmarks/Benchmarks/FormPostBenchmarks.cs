using BenchmarkDotNet.Attributes;
using Tessera.Benchmarks.Baseline;
using Tessera.Benchmarks.Infrastructure;
using Tessera.SmartPay;

namespace Tessera.Benchmarks.Benchmarks;

/// <summary>SmartPay <c>POST create_consumer</c>: a form body carrying the cached session token.</summary>
public class FormPostBenchmarks
{
    private static readonly KeyValuePair<string, string>[] Fields =
    [
        new("first_name", "Bob"), new("last_name", "Test"), new("email", "bob@example.org"), new("phone", "+1 303 555 0100"),
        new("street_address", "1 Market St"), new("city", "Denver"), new("province_state", "CO"), new("country", "US"),
        new("postal_code", "80202"), new("is_dummy", "true"),
    ];

    private BaselineClient _baseline = null!;
    private SmartPayClient _generated = null!;
    private SmartPayClient _fullChain = null!;

    [GlobalSetup]
    public void Setup()
    {
        var response = new CannedResponse(Payloads.Utf8(Payloads.SmartPayConsumerReference));
        _baseline = Clients.Baseline(response, Clients.SmartPayBaseUrl);
        _generated = Clients.SmartPay(response);
        _fullChain = Clients.SmartPayFullChain(response);
        Check.Equal(_fullChain.CreateConsumerAsync(Request()).GetAwaiter().GetResult().Result!.ConsumerId, "gHi789");
        Check.Equal(_generated.CreateConsumerAsync(Request()).GetAwaiter().GetResult().Result!.ConsumerId, "gHi789");
        Check.Equal(_baseline.CreateConsumerAsync(Payloads.SmartPayToken, Fields).GetAwaiter().GetResult().Result!.ConsumerId, "gHi789");
    }

    private static CreateConsumerRequest Request() => new()
    {
        FirstName = "Bob",
        LastName = "Test",
        Email = "bob@example.org",
        Phone = "+1 303 555 0100",
        StreetAddress = "1 Market St",
        City = "Denver",
        ProvinceState = "CO",
        Country = "US",
        PostalCode = "80202",
        IsDummy = true,
    };

    [Benchmark(Baseline = true, Description = "Baseline: HttpClient + FormUrlEncodedContent + STJ")]
    public Task<ConsumerReferenceResponseDto> Baseline() => _baseline.CreateConsumerAsync(Payloads.SmartPayToken, Fields);

    [Benchmark(Description = "Generated + session-token handler")]
    public Task<ConsumerReferenceResponse> Generated() => _generated.CreateConsumerAsync(Request());

    [Benchmark(Description = "Generated, full handler chain (as shipped)")]
    public Task<ConsumerReferenceResponse> Generated_FullChain() => _fullChain.CreateConsumerAsync(Request());
}
