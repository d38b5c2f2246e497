using System.Globalization;
using Tessera.Benchmarks.Baseline;
using Tessera.Benchmarks.Infrastructure;
using Tessera.Core.Serialization;

namespace Tessera.Benchmarks.Measurements;

/// <summary>
/// <c>alloc-probe</c>: bytes allocated per call by each piece of the small GET, to see where a variant's allocations
/// go (a diagnostic used while tuning; the published numbers come from BenchmarkDotNet).
/// </summary>
public static class AllocationProbe
{
    public static async Task RunAsync(TextWriter output)
    {
        var bytes = Payloads.Utf8(Payloads.Company());
        var canned = new CannedResponse(bytes);
        var baseline = Clients.Baseline(canned, Clients.Pax8BaseUrl);
        var generated = Clients.Pax8(canned, readResponseAsString: false);
        var http = Clients.Http(new StaticResponseHandler(canned), Clients.Pax8BaseUrl);
        var serializer = ResponseBody.CreateSerializer(ClientJsonSettings.Create());

        await MeasureAsync(output, "baseline call", () => baseline.GetCompanyAsync(Payloads.CompanyId)).ConfigureAwait(false);
        await MeasureAsync(output, "generated call", () => generated.FindCompanyByIdAsync(Payloads.CompanyId)).ConfigureAwait(false);
        var fullChain = Clients.Pax8FullChain(canned);
        await MeasureAsync(output, "generated call, full handler chain", () => fullChain.FindCompanyByIdAsync(Payloads.CompanyId)).ConfigureAwait(false);
        var consumer = new CannedResponse(Payloads.Utf8(Payloads.SmartPayConsumerReference));
        var smartPay = Clients.SmartPay(consumer);
        var smartPayFull = Clients.SmartPayFullChain(consumer);
        await MeasureAsync(output, "SmartPay form POST + session-token handler", () => smartPay.CreateConsumerAsync(SmartPayRequest())).ConfigureAwait(false);
        await MeasureAsync(output, "SmartPay form POST, full handler chain", () => smartPayFull.CreateConsumerAsync(SmartPayRequest())).ConfigureAwait(false);
        await SplitAsync(output, "SmartPay form POST + session-token handler", t => new SmartPay.SmartPayClient(Clients.Http(Clients.SmartPaySessionTokenHandler(t), Clients.SmartPayBaseUrl)), consumer).ConfigureAwait(false);
        await SplitAsync(output, "SmartPay form POST, full handler chain", t => SmartPayFullChain(t), consumer).ConfigureAwait(false);
        var formSerializer = Newtonsoft.Json.JsonSerializer.Create(ClientJsonSettings.Create());
        await MeasureAsync(output, "form body: request model only", () => Task.FromResult(SmartPayRequest().Email)).ConfigureAwait(false);
        await MeasureAsync(output, "form body: ModelContent.Form + bytes", () => Task.FromResult(Tessera.Core.Http.ModelContent.Form(SmartPayRequest(), formSerializer).GetBytes().Length)).ConfigureAwait(false);
        await MeasureAsync(output, "form body: + injected token + bytes", () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://x.test/create_consumer") { Content = Tessera.Core.Http.ModelContent.Form(SmartPayRequest(), formSerializer) };
            Tessera.Core.Http.ModelContent.TrySetField(request, "token", "0123456789abcdef0123456789abcdef");
            return Task.FromResult(((Tessera.Core.Http.ModelContent)request.Content!).GetBytes().Length);
        }).ConfigureAwait(false);
        await MeasureAsync(output, "HttpClient.SendAsync (GET, dispose)", async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("companies/x", UriKind.Relative));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        await MeasureAsync(output, "STJ deserialize (bytes)", () => Task.FromResult(System.Text.Json.JsonSerializer.Deserialize(bytes, BaselineJsonContext.Default.CompanyDto))).ConfigureAwait(false);
        await MeasureAsync(output, "ResponseBody read + Json.NET deserialize", async () =>
        {
            using var content = new ByteArrayContent(bytes);
            using var body = await ResponseBody.ReadAsync(content, CancellationToken.None).ConfigureAwait(false);
            return body.Deserialize<Pax8.Company>(serializer);
        }).ConfigureAwait(false);
        var mirror = MirroredSystemTextJsonReader.Create(serializer)!;
        await MeasureAsync(output, "ResponseBody read + STJ mirror deserialize", async () =>
        {
            using var content = new ByteArrayContent(bytes);
            using var body = await ResponseBody.ReadAsync(content, CancellationToken.None).ConfigureAwait(false);
            return body.TryDeserialize<Pax8.Company>(mirror, out var company) ? company : throw new InvalidOperationException("The mirror refused the benchmark's company.");
        }).ConfigureAwait(false);
        var jsonNetOnly = Clients.Pax8(canned, readResponseAsString: false);
        jsonNetOnly.UseSystemTextJsonWhenExact = false;
        await MeasureAsync(output, "generated call, Json.NET only", () => jsonNetOnly.FindCompanyByIdAsync(Payloads.CompanyId)).ConfigureAwait(false);
        var asString = Clients.Pax8(canned, readResponseAsString: true);
        await MeasureAsync(output, "generated call, ReadResponseAsString=true", () => asString.FindCompanyByIdAsync(Payloads.CompanyId)).ConfigureAwait(false);
        var text = Payloads.Company();
        var settings = ClientJsonSettings.Create();
        await MeasureAsync(output, "JsonConvert.DeserializeObject (string)", () => Task.FromResult(Newtonsoft.Json.JsonConvert.DeserializeObject<Pax8.Company>(text, settings))).ConfigureAwait(false);
        var page = Payloads.CompanyPage(1000).Replace("-0600\"", "-06:00\"", StringComparison.Ordinal);
        var plain = new Newtonsoft.Json.JsonSerializerSettings { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        await MeasureAsync(output, "page: Json.NET, client settings", () => Task.FromResult(Newtonsoft.Json.JsonConvert.DeserializeObject<Pax8.CompanyPage>(page, settings)), 20).ConfigureAwait(false);
        await MeasureAsync(output, "page: Json.NET, no converters", () => Task.FromResult(Newtonsoft.Json.JsonConvert.DeserializeObject<Pax8.CompanyPage>(page, plain)), 20).ConfigureAwait(false);
        var pageBytes = Payloads.Utf8(page);
        await MeasureAsync(output, "page: STJ mirror", () => Task.FromResult(mirror.TryDeserialize<Pax8.CompanyPage>(pageBytes, out var read) ? read : throw new InvalidOperationException("The mirror refused the page.")), 20).ConfigureAwait(false);
        await MeasureAsync(output, "page: STJ source-gen", () => Task.FromResult(System.Text.Json.JsonSerializer.Deserialize(page, BaselineJsonContext.Default.CompanyPageDto)), 20).ConfigureAwait(false);
        var cached = ResponseBody.CreateSerializer(settings);
        await MeasureAsync(output, "Json.NET: new JsonSerializer per call", () => Task.FromResult(Newtonsoft.Json.JsonSerializer.Create(settings).Deserialize<Pax8.Company>(new Newtonsoft.Json.JsonTextReader(new StringReader(text))))).ConfigureAwait(false);
        await MeasureAsync(output, "Json.NET: one cached JsonSerializer", () => Task.FromResult(cached.Deserialize<Pax8.Company>(new Newtonsoft.Json.JsonTextReader(new StringReader(text))))).ConfigureAwait(false);
        await MeasureAsync(output, "header dictionary copy", async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("companies/x", UriKind.Relative));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            var headers = new Dictionary<string, IEnumerable<string>>();
            foreach (var item in response.Headers)
            {
                headers[item.Key] = item.Value;
            }

            foreach (var item in response.Content.Headers)
            {
                headers[item.Key] = item.Value;
            }

            return headers.Count;
        }).ConfigureAwait(false);
    }

    /// <summary>Allocations before the request reaches the transport (request side) and after (response side).</summary>
    private static async Task SplitAsync(TextWriter output, string name, Func<HttpMessageHandler, SmartPay.SmartPayClient> create, CannedResponse response)
    {
        long atTransport = 0;
        var authenticate = new CannedResponse(Payloads.Utf8(Payloads.SmartPayAuthenticate));
        var transport = new StaticResponseHandler(request =>
        {
            atTransport = GC.GetAllocatedBytesForCurrentThread();
            return request.RequestUri!.AbsolutePath.EndsWith("/authenticate", StringComparison.Ordinal) ? authenticate : response;
        });
        var client = create(transport);
        long before = 0, requestSide = 0, responseSide = 0;
        const int Calls = 2000;
        for (var i = 0; i < Calls + 200; i++)
        {
            before = GC.GetAllocatedBytesForCurrentThread();
            await client.CreateConsumerAsync(SmartPayRequest()).ConfigureAwait(false);
            var after = GC.GetAllocatedBytesForCurrentThread();
            if (i >= 200)
            {
                requestSide += atTransport - before;
                responseSide += after - atTransport;
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name,-48} request side {requestSide / Calls,6:N0} B, response side {responseSide / Calls,6:N0} B")).ConfigureAwait(false);
    }

    private static SmartPay.SmartPayClient SmartPayFullChain(HttpMessageHandler transport)
    {
        var options = new SmartPay.SmartPayClientOptions
        {
            ApiKey = "sp_live_key_9d2f7a41c6e0",
            BaseUrl = Clients.SmartPayBaseUrl,
            RequestsPerMinute = 0,
            TokenCacheInstance = new Tessera.Core.Caching.MemoryTokenCache(),
        };
        return SmartPay.SmartPayClient.Create(options, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, transport);
    }

    private static SmartPay.CreateConsumerRequest SmartPayRequest() => Benchmarks.FormPostBenchmarks.Request();

    private static async Task MeasureAsync<T>(TextWriter output, string name, Func<Task<T>> action, int batch = 20_000)
    {
        var Calls = Math.Min(2000, batch);
        for (var i = 0; i < Math.Min(200, batch); i++)
        {
            await action().ConfigureAwait(false);
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Calls; i++)
        {
            await action().ConfigureAwait(false);
        }

        var perCall = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Calls;

        // Best of 5 batches of 20,000: a rough CPU cost per call that shrugs off other processes' bursts.
        var best = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < batch; i++)
            {
                await action().ConfigureAwait(false);
            }

            best = Math.Min(best, watch.Elapsed.TotalNanoseconds / batch);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name,-45} {perCall,8:N0} B/call {best,8:N0} ns/call")).ConfigureAwait(false);
    }
}
