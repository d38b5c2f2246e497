using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Tessera.Smartex.Identity;

namespace Tessera.Benchmarks.Baseline;

/// <summary>
/// The hand-written baseline: <see cref="HttpClient"/> + System.Text.Json with source-generated metadata, written the
/// way the .NET docs recommend (stream deserialization after <see cref="HttpCompletionOption.ResponseHeadersRead"/>,
/// raw body read as text only for a failure). It does the same work on the wire as the generated client (same
/// URL, Accept header, body fields, SmartPay token field, Smartex signature) and nothing else.
/// </summary>
public sealed class BaselineClient
{
    private static readonly MediaTypeWithQualityHeaderValue JsonAccept = new("application/json");
    private readonly HttpClient _http;

    public BaselineClient(HttpClient http) => _http = http;

    public async Task<CompanyDto> GetCompanyAsync(string companyId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("companies/" + Uri.EscapeDataString(companyId), UriKind.Relative));
        request.Headers.Accept.Add(JsonAccept);
        return await SendAsync(request, BaselineJsonContext.Default.CompanyDto, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CompanyPageDto> FindCompaniesAsync(int page, int size, CancellationToken cancellationToken = default)
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"companies?page={page}&size={size}");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Accept.Add(JsonAccept);
        return await SendAsync(request, BaselineJsonContext.Default.CompanyPageDto, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SmartPay create_consumer: form body with the cached session token as a field.</summary>
    public async Task<ConsumerReferenceResponseDto> CreateConsumerAsync(string token, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default)
    {
        var form = new List<KeyValuePair<string, string>>(fields.Count + 1) { new("token", token) };
        form.AddRange(fields);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("create_consumer", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Accept.Add(JsonAccept);
        return await SendAsync(request, BaselineJsonContext.Default.ConsumerReferenceResponseDto, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Smartex POST /invoices: JSON body with the facade token, signed over URL + body with the same identity.</summary>
    public async Task<SmartexInvoiceResponseDto> CreateInvoiceAsync(SmartexIdentity identity, SmartexInvoiceRequestDto invoice, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(invoice, BaselineJsonContext.Default.SmartexInvoiceRequestDto);
        var uri = new Uri(_http.BaseAddress!, "invoices");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(JsonAccept);
        var signature = SmartexRequestSigner.Sign(identity, uri, body);
        request.Headers.TryAddWithoutValidation("X-Accept-Version", "1.0.0");
        request.Headers.TryAddWithoutValidation("X-Identity", signature.Identity);
        request.Headers.TryAddWithoutValidation("X-Signature", signature.Signature);
        return await SendAsync(request, BaselineJsonContext.Default.SmartexInvoiceResponseDto, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}: {text}", null, response.StatusCode);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("null body");
        }
    }
}
