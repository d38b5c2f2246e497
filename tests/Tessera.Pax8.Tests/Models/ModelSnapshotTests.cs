using Tessera.Pax8.Tests.Infrastructure;
using Tessera.Pax8.Tests.Wire;
using Tessera.Core.Serialization;
using Newtonsoft.Json;

namespace Tessera.Pax8.Tests.Models;

/// <summary>
/// Every schema of the spec read from a realistic payload through the generated client, then written
/// back as the model holds it: the approved files show how each field lands in C# (dates normalised,
/// enums kept verbatim, unknown fields preserved).
/// </summary>
public sealed class ModelSnapshotTests
{
    private static readonly Dictionary<string, Func<Pax8Client, Task<object>>> Reads = new()
    {
        ["company"] = async c => await c.FindCompanyByIdAsync(OperationCases.CompanyId),
        ["company-page"] = async c => await c.FindCompaniesAsync(),
        ["contact"] = async c => await c.FindContactByIdAsync(OperationCases.CompanyId, OperationCases.ContactId),
        ["contact-page"] = async c => await c.FindContactsAsync(OperationCases.CompanyId),
        ["product-page"] = async c => await c.FindAllProductsAsync(),
        ["product-detail"] = async c => await c.FindProductByProductIdAsync(OperationCases.ProductId),
        ["provisioning-details"] = async c => await c.FindProvisionDetailsByProductIdAsync(OperationCases.ProductId),
        ["dependencies"] = async c => await c.FindProductDependenciesByProductIdAsync(OperationCases.ProductId),
        ["pricing"] = async c => await c.FindPricingByProductIdAsync(OperationCases.ProductId),
        ["order"] = async c => await c.FindOrdersByOrderIdAsync(OperationCases.OrderId),
        ["order-page"] = async c => await c.FindOrdersAsync(),
        ["subscription"] = async c => await c.FindSubscriptionBySubscriptionIdAsync(OperationCases.SubscriptionId),
        ["subscription-page"] = async c => await c.FindSubscriptionsAsync(),
        ["subscription-history"] = async c => await c.FindSubscriptionHistoryBySubscriptionIdAsync(OperationCases.SubscriptionId),
        ["invoice"] = async c => await c.GetPartnerInvoiceAsync(OperationCases.InvoiceId),
        ["invoice-page"] = async c => await c.FindPartnerInvoicesAsync(),
        ["invoice-item-page"] = async c => await c.FindPartnerInvoiceItemsAsync(OperationCases.InvoiceId),
        ["usage-summary"] = async c => await c.FindSubscriptionUsageSummaryAsync(OperationCases.UsageSummaryId),
        ["usage-summary-page"] = async c => await c.FindSubscriptionUsageSummariesAsync(OperationCases.SubscriptionId),
        ["usage-line-page"] = async c => await c.FindUsageLinesAsync(new DateTimeOffset(2024, 7, 14, 0, 0, 0, TimeSpan.Zero), OperationCases.UsageSummaryId),
    };

    public static IEnumerable<object[]> PayloadNames() => Reads.Keys.Order(StringComparer.Ordinal).Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(PayloadNames))]
    public async Task Payload_is_read_into_the_generated_model(string payload)
    {
        var client = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read(payload))).Client;

        var model = await Reads[payload](client);

        var settings = ClientJsonSettings.Create();
        settings.Formatting = Formatting.Indented;
        settings.NullValueHandling = NullValueHandling.Include;
        JsonConvert.SerializeObject(model, settings).ShouldMatchApproved(b => b.SubFolder("Snapshots").WithDiscriminator(payload).WithFileExtension("json").NoDiff());
    }
}
