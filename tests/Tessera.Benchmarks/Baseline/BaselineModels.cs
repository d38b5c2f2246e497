using System.Text.Json.Serialization;

namespace Tessera.Benchmarks.Baseline;

// Hand-written DTOs for the baseline only: what a developer writing HttpClient + System.Text.Json by hand would
// declare for the same payloads (same member types as the generated models where it matters: string ids, bool,
// DateTimeOffset, decimal).

public sealed class CompanyDto
{
    public string? Id { get; set; }
    public string Name { get; set; } = "";
    public AddressDto? Address { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public string? ExternalId { get; set; }
    public bool BillOnBehalfOfEnabled { get; set; }
    public bool? SelfServiceAllowed { get; set; }
    public bool? OrderApprovalRequired { get; set; }
    public string? Status { get; set; }
    public DateTimeOffset? UpdatedDate { get; set; }
}

public sealed class AddressDto
{
    public string? Street { get; set; }
    public string? Street2 { get; set; }
    public string? City { get; set; }
    public string? StateOrProvince { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
}

public sealed class PageInfoDto
{
    public int Size { get; set; }
    public long TotalElements { get; set; }
    public int TotalPages { get; set; }
    public int Number { get; set; }
}

public sealed class CompanyPageDto
{
    public List<CompanyDto> Content { get; set; } = [];
    public PageInfoDto? Page { get; set; }
}

public sealed class ConsumerReferenceResponseDto
{
    [JsonPropertyName("requested_on")]
    public DateTimeOffset? RequestedOn { get; set; }

    [JsonPropertyName("token")]
    public string? Token { get; set; }

    [JsonPropertyName("format")]
    public string? Format { get; set; }

    [JsonPropertyName("first_name")]
    public string? FirstName { get; set; }

    [JsonPropertyName("last_name")]
    public string? LastName { get; set; }

    [JsonPropertyName("is_dummy")]
    public int? IsDummy { get; set; }

    [JsonPropertyName("result")]
    public ConsumerReferenceDto? Result { get; set; }
}

public sealed class ConsumerReferenceDto
{
    [JsonPropertyName("consumer_id")]
    public string ConsumerId { get; set; } = "";
}

public sealed class SmartexInvoiceRequestDto
{
    public decimal Price { get; set; }
    public string Currency { get; set; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PosData { get; set; }

    [JsonPropertyName("orderID")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OrderId { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ItemDesc { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BuyerEmail { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Token { get; set; }
}

public sealed class SmartexInvoiceResponseDto
{
    public string? Facade { get; set; }
    public SmartexInvoiceDto? Data { get; set; }
}

public sealed class SmartexInvoiceDto
{
    public string Id { get; set; } = "";
    public Uri? Url { get; set; }
    public string? Status { get; set; }
    public decimal Price { get; set; }
    public string? Currency { get; set; }
    public decimal? EthPrice { get; set; }
    public decimal? EthPaid { get; set; }
    public decimal? EthDue { get; set; }
    public decimal? Rate { get; set; }
    public Dictionary<string, decimal>? ExRates { get; set; }
    public DateTimeOffset? InvoiceTime { get; set; }
    public DateTimeOffset? ExpirationTime { get; set; }
    public DateTimeOffset? CurrentTime { get; set; }

    [JsonConverter(typeof(BoolOrStringConverter))]
    public string? ExceptionStatus { get; set; }

    public string? PosData { get; set; }
    public string? OrderId { get; set; }
    public string? Token { get; set; }
    public string? ItemDesc { get; set; }
    public string? Guid { get; set; }
    public Dictionary<string, string>? BuyerFields { get; set; }
    public Dictionary<string, string>? PaymentUrls { get; set; }
    public List<Dictionary<string, object>>? Transactions { get; set; }
}
