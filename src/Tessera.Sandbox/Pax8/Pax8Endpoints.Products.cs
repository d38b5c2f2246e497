using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Pax8;

/// <summary>The product catalogue: products, provisioning details, dependencies and pricing.</summary>
internal sealed partial class Pax8Endpoints
{
    private static readonly string[] ProductSortFields = ["name", "vendor"];

    private JsonNode FindAllProducts(HttpContext context)
    {
        var request = context.Request;
        var paging = Pax8Query.Paging(request);
        var sort = Pax8Query.Sort(request, ProductSortFields);
        var search = Pax8Query.Text(request, "search");
        var vendorName = Pax8Query.Text(request, "vendorName");

        bool MatchesSearch(Pax8Product product) =>
            string.IsNullOrWhiteSpace(search)
            || product.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
            || product.VendorName.Contains(search, StringComparison.OrdinalIgnoreCase)
            || product.Sku.Contains(search, StringComparison.OrdinalIgnoreCase)
            || (product.VendorSku?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)
            || product.Id.ToString().Contains(search, StringComparison.OrdinalIgnoreCase);

        lock (store.Sync)
        {
            var products = store.Products.Where(product =>
                MatchesSearch(product)
                && (vendorName is null || string.Equals(product.VendorName, vendorName, StringComparison.OrdinalIgnoreCase)));
            var sorted = Pax8Query.OrderBy(products, sort, field => field switch
            {
                "vendor" => product => product.VendorName,
                _ => product => product.Name,
            });
            return Pax8Query.PageOf(sorted, paging, product => Pax8Json.Product(product, withDescription: false));
        }
    }

    private Pax8Product ProductFromRoute(HttpContext context)
    {
        var id = RouteId(context, "productId", "Product");
        return store.ProductsById.TryGetValue(id, out var product) ? product : throw Pax8Errors.NotFound("Product", id.ToString());
    }

    private JsonNode FindProductByProductId(HttpContext context)
    {
        lock (store.Sync)
        {
            return Pax8Json.Product(ProductFromRoute(context), withDescription: true);
        }
    }

    private JsonNode FindProvisionDetailsByProductId(HttpContext context)
    {
        lock (store.Sync)
        {
            var product = ProductFromRoute(context);
            return Pax8Json.Content(new JsonArray([.. product.ProvisioningDetails.Select(question => (JsonNode)Pax8Json.ProvisioningDetail(question))]));
        }
    }

    private JsonNode FindProductDependenciesByProductId(HttpContext context)
    {
        lock (store.Sync)
        {
            return Pax8Json.Dependencies(ProductFromRoute(context));
        }
    }

    private JsonNode FindPricingByProductId(HttpContext context)
    {
        lock (store.Sync)
        {
            var product = ProductFromRoute(context);
            var companyId = CompanyFilter(context);

            // Company-specific pricing: a stable per-company discount of up to 5 % on the suggested retail price.
            var retailFactor = companyId is { } id ? 1m - (Pax8Ids.StableSeed("pricing", id) % 6 / 100m) : 1m;
            return Pax8Json.Content(new JsonArray([.. product.Pricing.Select(entry => (JsonNode)Pax8Json.Pricing(product, entry, retailFactor))]));
        }
    }
}
