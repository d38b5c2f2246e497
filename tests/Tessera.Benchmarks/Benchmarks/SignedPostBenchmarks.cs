using BenchmarkDotNet.Attributes;
using Tessera.Benchmarks.Baseline;
using Tessera.Benchmarks.Infrastructure;
using Tessera.Smartex;
using Tessera.Smartex.Identity;

namespace Tessera.Benchmarks.Benchmarks;

/// <summary>
/// Smartex <c>POST /invoices</c>: JSON body with the merchant facade token, signed (secp256k1, RFC 6979) over URL +
/// body. The baseline signs with the same <see cref="SmartexIdentity"/>, so the ratio shows the client's overhead
/// rather than the cost of ECDSA (measured alone in <see cref="SigningBenchmarks"/>).
/// </summary>
public class SignedPostBenchmarks
{
    private BaselineClient _baseline = null!;
    private SmartexIdentity _identity = null!;
    private SmartexClient _generated = null!;
    private SmartexClient _fullChain = null!;

    [GlobalSetup]
    public void Setup()
    {
        var response = new CannedResponse(Payloads.Utf8(Payloads.SmartexInvoice));
        _identity = Clients.SmartexIdentity();
        _baseline = Clients.Baseline(response, Clients.SmartexBaseUrl);
        _generated = Clients.Smartex(response);
        _fullChain = Clients.SmartexFullChain(response);
        Check.Equal(_fullChain.CreateInvoiceAsync(Request()).GetAwaiter().GetResult().Data.Id, "AbCdEfGhIjKlMnOpQrStUv");
        Check.Equal(_generated.CreateInvoiceAsync(Request()).GetAwaiter().GetResult().Data.Id, "AbCdEfGhIjKlMnOpQrStUv");
        Check.Equal(_baseline.CreateInvoiceAsync(_identity, BaselineRequest()).GetAwaiter().GetResult().Data!.Id, "AbCdEfGhIjKlMnOpQrStUv");
    }

    private static InvoiceRequest Request() => new()
    {
        Price = 20m,
        Currency = "USD",
        PosData = "{\"orderId\":\"1001\"}",
        OrderID = "1001",
        ItemDesc = "Blue mug",
        BuyerEmail = "ada@example.org",
    };

    private static SmartexInvoiceRequestDto BaselineRequest() => new()
    {
        Price = 20m,
        Currency = "USD",
        PosData = "{\"orderId\":\"1001\"}",
        OrderId = "1001",
        ItemDesc = "Blue mug",
        BuyerEmail = "ada@example.org",
        Token = Payloads.SmartexMerchantToken,
    };

    [Benchmark(Baseline = true, Description = "Baseline: HttpClient + STJ + same signer")]
    public Task<SmartexInvoiceResponseDto> Baseline() => _baseline.CreateInvoiceAsync(_identity, BaselineRequest());

    [Benchmark(Description = "Generated + facade-token and signing handlers")]
    public Task<InvoiceResponse> Generated() => _generated.CreateInvoiceAsync(Request());

    [Benchmark(Description = "Generated, full handler chain (as shipped)")]
    public Task<InvoiceResponse> Generated_FullChain() => _fullChain.CreateInvoiceAsync(Request());
}
