using System.Reflection;
using System.Text.RegularExpressions;

namespace Tessera.Conventions.Tests;

/// <summary>
/// An app imports every Tessera namespace it uses at once (<c>using Tessera.Pax8; using Tessera.SmartPay; …</c>), so no
/// public type name may exist in two namespaces: that would be CS0104 in the user's code. Vendor schema names that two
/// specs share take their client's prefix through <c>x-csharp-name</c> (docs/naming.md).
/// </summary>
public sealed partial class NamingConventionTests
{
    private static readonly Assembly[] Shipped =
    [
        typeof(Tessera.Core.Clients.ClientOptions).Assembly,
        typeof(Tessera.Pax8.Pax8Client).Assembly,
        typeof(Tessera.SmartPay.SmartPayClient).Assembly,
        typeof(Tessera.Smartex.SmartexClient).Assembly,
        typeof(Tessera.Redis.RedisSharedState).Assembly,
        typeof(Microsoft.Extensions.DependencyInjection.Pax8WebhookServiceCollectionExtensions).Assembly,
        typeof(Microsoft.Extensions.DependencyInjection.SmartPayWebhookServiceCollectionExtensions).Assembly,
    ];

    [Fact]
    public void No_public_type_name_is_in_two_namespaces()
    {
        var types = Shipped.SelectMany(assembly => assembly.GetExportedTypes()).Where(type => !type.IsNested).ToList();
        types.Count.ShouldBeGreaterThan(300, "the generated models are exported");

        var collisions = types
            .GroupBy(type => type.Name, StringComparer.Ordinal)
            .Where(group => group.Select(type => type.Namespace).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(type => type.Namespace).Order(StringComparer.Ordinal))}")
            .ToList();

        collisions.ShouldBeEmpty("give the spec schema an x-csharp-name with its client's prefix (docs/naming.md)");
    }

    [Fact]
    public void Shared_vendor_schema_names_carry_their_clients_prefix()
    {
        Type[] renamed =
        [
            typeof(Tessera.Pax8.Pax8Invoice), typeof(Tessera.SmartPay.SmartPayInvoice), typeof(Tessera.Smartex.SmartexInvoice),
            typeof(Tessera.Pax8.Pax8Order), typeof(Tessera.SmartPay.SmartPayOrder), typeof(Tessera.Pax8.Webhooks.Pax8Webhook),
            typeof(Tessera.SmartPay.SmartPayWebhook), typeof(Tessera.Pax8.Pax8Error), typeof(Tessera.Pax8.Webhooks.Pax8WebhookError),
        ];

        foreach (var type in renamed)
        {
            var client = type.Namespace!.Split('.')[1];
            type.Name.ShouldStartWith(client, customMessage: type.FullName);
        }
    }

    [Fact]
    public void The_compiled_doc_examples_import_every_client_namespace_at_once()
    {
        string[] namespaces = ["Tessera.Pax8", "Tessera.Pax8.Webhooks", "Tessera.Pax8.AspNetCore", "Tessera.SmartPay.AspNetCore", "Tessera.Redis", "Tessera.SmartPay", "Tessera.Smartex", "Tessera.Smartex.Identity", "Tessera.Smartex.Ipn", "Tessera.Smartex.Pairing", "Tessera.Smartex.Tokens"];
        var files = Directory.EnumerateFiles(Repository.PathOf("tests", "Tessera.Conventions.Tests", "Docs"), "*Examples.cs").ToList();
        files.ShouldNotBeEmpty();
        foreach (var file in files)
        {
            var imported = Using().Matches(File.ReadAllText(file)).Select(match => match.Groups["ns"].Value).ToHashSet(StringComparer.Ordinal);
            namespaces.Except(imported).ShouldBeEmpty($"{Path.GetFileName(file)} must compile with every client namespace imported");
        }
    }

    [GeneratedRegex(@"^using (?<ns>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Using();
}
