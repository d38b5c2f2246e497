using System.Text.Json;
using Refit;
using Tessera.Benchmarks.Baseline;

namespace Tessera.Benchmarks.Peers;

/// <summary>
/// The Refit peer as its users write it: a hand-written interface over hand-written DTOs (the baseline's POCOs, the
/// same shapes), Refit's default System.Text.Json serializer (reflection, not source-generated; Refit's default
/// web options plus the converter a Pax8 user needs for its colon-less offsets), the bearer token from
/// <see cref="RefitSettings.AuthorizationHeaderValueGetter"/> (Refit's documented way), and the SmartPay form body
/// with <see cref="BodySerializationMethod.UrlEncoded"/>.
/// </summary>
[Headers("Authorization: Bearer", "Accept: application/json")]
public interface IRefitPax8Api
{
    [Get("/companies/{companyId}")]
    Task<CompanyDto> FindCompanyByIdAsync(string companyId, CancellationToken cancellationToken = default);

    [Get("/companies")]
    Task<CompanyPageDto> FindCompaniesAsync(int page, int size, CancellationToken cancellationToken = default);
}

[Headers("Accept: application/json")]
public interface IRefitSmartPayApi
{
    [Post("/create_consumer")]
    Task<ConsumerReferenceResponseDto> CreateConsumerAsync([Body(BodySerializationMethod.UrlEncoded)] RefitCreateConsumerForm form, CancellationToken cancellationToken = default);
}

/// <summary>SmartPay <c>create_consumer</c> form fields, session token first (as the baseline sends them).</summary>
public sealed class RefitCreateConsumerForm
{
    [AliasAs("token")] public string Token { get; set; } = "";
    [AliasAs("first_name")] public string? FirstName { get; set; }
    [AliasAs("last_name")] public string? LastName { get; set; }
    [AliasAs("email")] public string? Email { get; set; }
    [AliasAs("phone")] public string? Phone { get; set; }
    [AliasAs("street_address")] public string? StreetAddress { get; set; }
    [AliasAs("city")] public string? City { get; set; }
    [AliasAs("province_state")] public string? ProvinceState { get; set; }
    [AliasAs("country")] public string? Country { get; set; }
    [AliasAs("postal_code")] public string? PostalCode { get; set; }

    /// <summary>A string: Refit formats a <c>bool</c> as <c>True</c>; SmartPay's examples send <c>true</c>.</summary>
    [AliasAs("is_dummy")] public string? IsDummy { get; set; }
}

public static class RefitPeer
{
    /// <summary>Refit's default STJ options (web defaults) plus the date converter the vendors' payloads need.</summary>
    public static RefitSettings Settings(Func<CancellationToken, ValueTask<string>>? token = null)
    {
        var options = SystemTextJsonContentSerializer.GetDefaultJsonSerializerOptions();
        options.Converters.Add(new LenientDateTimeOffsetConverter());
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(options));
        if (token is not null)
        {
            settings.AuthorizationHeaderValueGetter = (_, cancellationToken) => token(cancellationToken);
        }

        return settings;
    }
}
