namespace Tessera.Sandbox.Pax8;

/// <summary>
/// The product catalogue of the sandbox: about forty products across Microsoft, Google, Acronis, Datto, N-able and
/// other vendors, with provisioning questions, commitment terms, pricing and add-on prerequisites. Product and
/// commitment ids are derived from the SKU, so they are the same whatever the seed.
/// </summary>
internal static class Pax8Catalog
{
    private enum Kind
    {
        /// <summary>Microsoft NCE licence: commitment required, flat per-seat price.</summary>
        MicrosoftSeat,
        /// <summary>Seat or device licence without commitment.</summary>
        Seat,
        /// <summary>Usage billed in arrears.</summary>
        Usage,
        /// <summary>One-time service or activation fee.</summary>
        OneTime,
        /// <summary>Licence with an annual commitment (Adobe VIP style).</summary>
        AnnualCommitment,
    }

    private sealed record Entry(
        string Vendor,
        string Name,
        string Sku,
        string? VendorSku,
        string ShortDescription,
        string Unit,
        string PricingType,
        decimal Cost,
        decimal RetailPrice,
        Kind Kind,
        string Provisioning = "",
        bool AnnualTerm = false,
        bool ThreeYear = false,
        string[]? Requires = null,
        string BillingTerm = "Monthly",
        bool Trial = false);

    private static readonly Entry[] Entries =
    [
        new("Microsoft", "Microsoft 365 Business Basic", "MST-NCE-BBA-C100", "CFQ7TTC0LH18:0001", "Web and mobile Office apps, Teams, Exchange and 1 TB OneDrive per user.", "User", "Flat", 5.40m, 6.00m, Kind.MicrosoftSeat, "microsoft", AnnualTerm: true),
        new("Microsoft", "Microsoft 365 Business Standard", "MST-NCE-BST-C100", "CFQ7TTC0LDPB:0001", "Desktop Office apps plus Business Basic services.", "User", "Flat", 11.25m, 12.50m, Kind.MicrosoftSeat, "microsoft", AnnualTerm: true),
        new("Microsoft", "Microsoft 365 Business Premium", "MST-NCE-BPR-C100", "CFQ7TTC0LCHC:0002", "Business Standard plus Intune, Entra ID P1 and Defender for Business.", "User", "Flat", 19.80m, 22.00m, Kind.MicrosoftSeat, "microsoft", AnnualTerm: true, ThreeYear: true, Trial: true),
        new("Microsoft", "Office 365 E1", "MST-NCE-OE1-C100", "CFQ7TTC0LF8Q:0001", "Web Office apps, Exchange, SharePoint and Teams for the enterprise.", "User", "Flat", 9.00m, 10.00m, Kind.MicrosoftSeat, "microsoft", AnnualTerm: true),
        new("Microsoft", "Office 365 E3", "MST-NCE-OE3-C100", "CFQ7TTC0LF8R:0001", "Desktop Office apps with enterprise email, compliance and security.", "User", "Flat", 20.70m, 23.00m, Kind.MicrosoftSeat, "microsoft", AnnualTerm: true, ThreeYear: true),
        new("Microsoft", "Microsoft 365 E3", "MST-NCE-ME3-C100", "CFQ7TTC0LFLX:0002", "Office 365 E3 plus Windows Enterprise and Enterprise Mobility + Security E3.", "User", "Flat", 32.40m, 36.00m, Kind.MicrosoftSeat, "microsoft", AnnualTerm: true, ThreeYear: true),
        new("Microsoft", "Microsoft 365 E5", "MST-NCE-ME5-C100", "CFQ7TTC0LFLZ:0002", "Microsoft 365 E3 plus advanced security, compliance, analytics and Teams Phone.", "User", "Flat", 51.30m, 57.00m, Kind.MicrosoftSeat, "microsoft", AnnualTerm: true, ThreeYear: true),
        new("Microsoft", "Exchange Online (Plan 1)", "MST-NCE-EX1-C100", "CFQ7TTC0LH16:0001", "Business-class email with a 50 GB mailbox per user.", "User", "Flat", 3.60m, 4.00m, Kind.MicrosoftSeat, "microsoft", AnnualTerm: true),
        new("Microsoft", "Microsoft Teams Essentials", "MST-NCE-TES-C100", "CFQ7TTC0RM8K:0001", "Standalone Teams meetings, chat and file sharing.", "User", "Flat", 3.60m, 4.00m, Kind.MicrosoftSeat, "microsoft", AnnualTerm: true),
        new("Microsoft", "Microsoft Defender for Business", "MST-NCE-DFB-C100", "CFQ7TTC0LCHQ:0002", "Endpoint security for businesses with up to 300 users.", "User", "Flat", 2.70m, 3.00m, Kind.MicrosoftSeat, "microsoft", AnnualTerm: true),
        new("Microsoft", "Microsoft Entra ID P1", "MST-NCE-EP1-C100", "CFQ7TTC0LFK5:0002", "Conditional Access, self-service password reset and hybrid identity.", "User", "Flat", 5.40m, 6.00m, Kind.MicrosoftSeat, "microsoft", AnnualTerm: true),
        new("Microsoft", "Microsoft Intune Plan 1", "MST-NCE-IN1-C100", "CFQ7TTC0LCH5:0001", "Endpoint management for Windows, macOS, iOS and Android.", "User", "Flat", 7.20m, 8.00m, Kind.MicrosoftSeat, "microsoft", AnnualTerm: true),
        new("Microsoft", "Visio Plan 2", "MST-NCE-VP2-C100", "CFQ7TTC0HD33:0002", "Desktop and web diagramming.", "User", "Flat", 13.50m, 15.00m, Kind.MicrosoftSeat, "microsoft", AnnualTerm: true),
        new("Microsoft", "Project Plan 3", "MST-NCE-PP3-C100", "CFQ7TTC0HDN1:0002", "Project and portfolio management with the Project desktop client.", "User", "Flat", 27.00m, 30.00m, Kind.MicrosoftSeat, "microsoft", AnnualTerm: true),
        new("Microsoft", "Microsoft Teams Phone Standard", "MST-NCE-TPS-C100", "CFQ7TTC0J1FV:0001", "Cloud PBX add-on for Teams; requires a qualifying Microsoft 365 or Office 365 plan.", "User", "Flat", 7.20m, 8.00m, Kind.MicrosoftSeat, "microsoft", AnnualTerm: true, Requires: ["MST-NCE-OE3-C100", "MST-NCE-ME3-C100", "MST-NCE-BPR-C100"]),
        new("Microsoft", "Microsoft 365 Copilot", "MST-NCE-CPL-C100", "CFQ7TTC0MM8R:0002", "AI assistant across Microsoft 365 apps; add-on to a qualifying plan.", "User", "Flat", 27.00m, 30.00m, Kind.MicrosoftSeat, "microsoft", AnnualTerm: true, Requires: ["MST-NCE-BST-C100", "MST-NCE-BPR-C100", "MST-NCE-ME3-C100", "MST-NCE-ME5-C100", "MST-NCE-OE3-C100"]),
        new("Microsoft", "Microsoft Azure Plan", "MST-AZR-PLN-C100", "DZH318Z0BPS6:0001", "Pay-as-you-go Azure consumption billed monthly in arrears.", "Usage", "Mark-Up", 0.85m, 1.00m, Kind.Usage, "microsoft"),
        new("Google", "Google Workspace Business Starter", "GGL-WSP-BST-C100", "1010020027", "Custom business email, 30 GB storage per user, Meet and Chat.", "User", "Flat", 6.48m, 7.20m, Kind.Seat, "google", AnnualTerm: true),
        new("Google", "Google Workspace Business Standard", "GGL-WSP-BSD-C100", "1010020028", "2 TB pooled storage per user, recordings and eSignature.", "User", "Flat", 12.96m, 14.40m, Kind.Seat, "google", AnnualTerm: true),
        new("Google", "Google Workspace Business Plus", "GGL-WSP-BPL-C100", "1010020025", "5 TB pooled storage per user, Vault and advanced endpoint management.", "User", "Flat", 19.44m, 21.60m, Kind.Seat, "google", AnnualTerm: true),
        new("Google", "Google Workspace Enterprise Standard", "GGL-WSP-EST-C100", "1010020026", "Enterprise Workspace with data loss prevention and data regions.", "User", "Flat", 24.30m, 27.00m, Kind.Seat, "google", AnnualTerm: true),
        new("Acronis", "Acronis Cyber Protect Cloud", "ACR-CPC-USG-C100", "SK-ACPC-PAYG", "Backup, disaster recovery and endpoint protection, billed per workload and GB.", "GB", "Tiered", 0.09m, 0.12m, Kind.Usage, "acronis"),
        new("Acronis", "Acronis Advanced Backup", "ACR-ADV-BKP-C100", "SK-ACPC-ADVB", "Continuous data protection and backup scheduling add-on.", "Workload", "Volume", 1.80m, 2.50m, Kind.Seat, "acronis", Requires: ["ACR-CPC-USG-C100"]),
        new("Datto", "Datto SaaS Protection for Microsoft 365", "DTO-SAP-M36-C100", "SP-M365-1Y", "Three-times-daily backup of Exchange, OneDrive, SharePoint and Teams.", "User", "Volume", 2.25m, 3.50m, Kind.Seat, "datto", AnnualTerm: true),
        new("Datto", "Datto RMM", "DTO-RMM-DEV-C100", "RMM-DEVICE", "Remote monitoring and management per managed device.", "Device", "Volume", 2.90m, 4.00m, Kind.Seat),
        new("Datto", "Datto EDR", "DTO-EDR-END-C100", "EDR-ENDPOINT", "Endpoint detection and response with automated isolation.", "Device", "Flat", 3.40m, 5.00m, Kind.Seat),
        new("Datto", "Datto SIRIS Activation", "DTO-SIR-ACT-C100", "SIRIS-ACT", "One-time activation of a SIRIS business continuity appliance.", "Each", "Flat", 150.00m, 199.00m, Kind.OneTime, BillingTerm: "Activation"),
        new("N-able", "N-able N-central", "NAB-NCE-DEV-C100", "NCENTRAL-DEV", "RMM for complex networks, per managed device.", "Device", "Tiered", 1.95m, 3.00m, Kind.Seat),
        new("N-able", "N-able Mail Assure", "NAB-MAS-MBX-C100", "MAILASSURE-MBX", "Inbound and outbound email filtering with 10-year archiving.", "Mailbox", "Volume", 0.95m, 1.50m, Kind.Seat),
        new("N-able", "N-able Cove Data Protection", "NAB-COV-USG-C100", "COVE-PAYG", "Cloud-first backup billed per protected device each month.", "Device", "Tiered", 4.10m, 6.00m, Kind.Usage),
        new("Proofpoint", "Proofpoint Essentials - Business", "PFP-ESS-BUS-C100", "PPE-BUS-U", "Email security with spam, virus and impostor protection.", "User", "Volume", 2.10m, 3.25m, Kind.Seat, "proofpoint"),
        new("SentinelOne", "SentinelOne Singularity Control", "SNO-SNG-CTL-C100", "S1-CONTROL", "Next-generation antivirus with device and firewall control.", "Endpoint", "Volume", 3.20m, 4.50m, Kind.Seat, "sentinelone"),
        new("SentinelOne", "SentinelOne Singularity Complete", "SNO-SNG-CMP-C100", "S1-COMPLETE", "EDR with threat hunting and 14-day data retention.", "Endpoint", "Volume", 5.10m, 7.00m, Kind.Seat, "sentinelone"),
        new("Bitdefender", "Bitdefender GravityZone Business Security", "BTD-GZB-SEC-C100", "GZ-BS-EP", "Layered endpoint protection managed from the GravityZone console.", "Endpoint", "Tiered", 1.40m, 2.20m, Kind.Seat),
        new("Keeper Security", "Keeper Business", "KPR-BUS-USR-C100", "KEEPER-BIZ", "Password manager with shared folders and admin console.", "User", "Flat", 3.15m, 3.75m, Kind.Seat, AnnualTerm: true),
        new("Dropbox", "Dropbox Business Standard", "DBX-BUS-STD-C100", "DBX-STD", "Team file sync and share with 5 TB storage.", "User", "Flat", 13.50m, 15.00m, Kind.Seat, AnnualTerm: true),
        new("Adobe", "Adobe Acrobat Pro for teams", "ADB-ACR-PRO-C100", "65324050BA01A12", "Create, edit, sign and share PDFs (annual VIP commitment).", "User", "Flat", 18.89m, 22.99m, Kind.AnnualCommitment, AnnualTerm: true),
        new("Sophos", "Sophos Intercept X Advanced", "SPH-IXA-USR-C100", "CIXA-USER", "Endpoint protection with anti-ransomware and exploit prevention.", "User", "Volume", 2.60m, 3.80m, Kind.Seat),
        new("Huntress", "Huntress Managed EDR", "HNT-EDR-END-C100", "HUNTRESS-EDR", "Managed endpoint detection and response backed by a 24/7 SOC.", "Endpoint", "Flat", 3.00m, 4.50m, Kind.Seat),
        new("Cisco", "Cisco Duo Essentials", "CSC-DUO-ESS-C100", "DUO-ESS", "Multi-factor authentication with device trust.", "User", "Flat", 2.70m, 3.00m, Kind.Seat, AnnualTerm: true),
        new("Pax8", "Pax8 Microsoft 365 Migration Services", "PAX-MIG-M36-C100", null, "Pax8 professional services: mailbox and file migration to Microsoft 365.", "Mailbox", "Flat", 12.00m, 15.00m, Kind.OneTime, BillingTerm: "One-Time"),
    ];

    private static readonly IReadOnlyList<(string Name, string Unit, decimal UnitPrice)> AzureMeters =
    [
        ("Virtual Machines Dv5 Series - D2s v5", "Hours", 0.096m),
        ("Managed Disks - Premium SSD P10", "Disk/Month", 0.64m),
        ("Bandwidth - Data Transfer Out", "GB", 0.087m),
    ];

    private static readonly IReadOnlyList<(string Name, string Unit, decimal UnitPrice)> AcronisMeters =
    [
        ("Acronis Cyber Protect Cloud - Workstation", "Workload", 0.11m),
        ("Acronis Cyber Protect Cloud - Backup Storage", "GB", 0.004m),
    ];

    private static readonly IReadOnlyList<(string Name, string Unit, decimal UnitPrice)> CoveMeters =
    [
        ("Cove Data Protection - Server", "Device", 1.45m),
        ("Cove Data Protection - Workstation", "Device", 0.33m),
    ];

    /// <summary>Builds the catalogue (a fresh copy per sandbox; the records are immutable once built).</summary>
    public static List<Pax8Product> Build()
    {
        var products = new List<Pax8Product>(Entries.Length);
        var bySku = new Dictionary<string, Pax8Product>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            var product = new Pax8Product
            {
                Id = Pax8Ids.FromName("pax8-product:" + entry.Sku),
                Name = entry.Name,
                VendorName = entry.Vendor,
                ShortDescription = entry.ShortDescription,
                Description = entry.ShortDescription + " Sold and supported through Pax8; provisioning is automated where the vendor allows it, "
                    + "and licences appear in the Pax8 portal as soon as the order completes.",
                Sku = entry.Sku,
                VendorSku = entry.VendorSku,
                AltVendorSku = entry.Vendor == "Microsoft" ? Pax8Ids.FromName("pax8-legacy-offer:" + entry.Sku) : null,
                RequiresCommitment = entry.Kind is Kind.MicrosoftSeat or Kind.AnnualCommitment,
                IsUsageBased = entry.Kind == Kind.Usage,
                UnitOfMeasure = entry.Unit,
                PricingType = entry.PricingType,
                Meters = entry.Sku switch
                {
                    "MST-AZR-PLN-C100" => AzureMeters,
                    "ACR-CPC-USG-C100" => AcronisMeters,
                    "NAB-COV-USG-C100" => CoveMeters,
                    _ => [],
                },
            };
            AddCommitments(product, entry);
            AddPricing(product, entry);
            AddProvisioning(product, entry.Provisioning);
            products.Add(product);
            bySku[entry.Sku] = product;
        }

        foreach (var entry in Entries.Where(entry => entry.Requires is not null))
        {
            bySku[entry.Sku].Requires.AddRange(entry.Requires!.Select(sku => bySku[sku]));
        }

        return products;
    }

    private static Pax8CommitmentTerm Commitment(string sku, string term, int months, bool allowDecrease, bool fee) => new()
    {
        Id = Pax8Ids.FromName("pax8-commitment:" + sku + ":" + term),
        Term = term,
        Months = months,
        AutoRenew = true,
        RenewalWindowDaysBeforeTermEnd = months >= 12 ? 30 : 0,
        RenewalWindowDaysAfterTermEnd = 7,
        AllowForQuantityIncrease = true,
        AllowForQuantityDecrease = allowDecrease,
        AllowForEarlyCancellation = months == 1,
        CancellationFeeApplied = fee,
        IsTransferable = true,
    };

    private static void AddCommitments(Pax8Product product, Entry entry)
    {
        switch (entry.Kind)
        {
            case Kind.MicrosoftSeat:
                product.Commitments.Add(Commitment(entry.Sku, "1-Month", 1, allowDecrease: true, fee: false));
                product.Commitments.Add(Commitment(entry.Sku, "1-Year", 12, allowDecrease: false, fee: true));
                if (entry.ThreeYear)
                {
                    product.Commitments.Add(Commitment(entry.Sku, "3-Year", 36, allowDecrease: false, fee: true));
                }

                break;
            case Kind.AnnualCommitment:
                product.Commitments.Add(Commitment(entry.Sku, "1-Year", 12, allowDecrease: false, fee: true));
                break;
            default:
                break;
        }
    }

    private static void AddPricing(Pax8Product product, Entry entry)
    {
        var cost = entry.Cost;
        var price = entry.RetailPrice;
        switch (entry.Kind)
        {
            case Kind.MicrosoftSeat:
                var monthly = product.Commitments.Single(term => term.Term == "1-Month");
                var annual = product.Commitments.Single(term => term.Term == "1-Year");
                Add(product, "Monthly", monthly, entry, cost * 1.2m, price * 1.2m);
                Add(product, "Monthly", annual, entry, cost, price);
                Add(product, "Annual", annual, entry, cost * 12, price * 12);
                if (product.Commitments.SingleOrDefault(term => term.Term == "3-Year") is { } threeYear)
                {
                    Add(product, "3-Year", threeYear, entry, cost * 36 * 0.95m, price * 36 * 0.95m);
                }

                if (entry.Trial)
                {
                    Add(product, "Trial", null, entry, 0m, 0m);
                }

                break;
            case Kind.AnnualCommitment:
                var year = product.Commitments.Single();
                Add(product, "Monthly", year, entry, cost, price);
                Add(product, "Annual", year, entry, cost * 12, price * 12);
                break;
            case Kind.OneTime:
                Add(product, entry.BillingTerm, null, entry, cost, price, chargeType: "Flat Rate");
                break;
            default:
                Add(product, "Monthly", null, entry, cost, price);
                if (entry.AnnualTerm)
                {
                    Add(product, "Annual", null, entry, cost * 12 * 0.9m, price * 12 * 0.9m);
                }

                break;
        }
    }

    private static void Add(Pax8Product product, string billingTerm, Pax8CommitmentTerm? commitment, Entry entry, decimal cost, decimal price, string chargeType = "Per Unit")
    {
        IReadOnlyList<Pax8Rate> rates = entry.PricingType is "Volume" or "Tiered"
            ?
            [
                new(Pax8Money.Round(cost), Pax8Money.Round(price), 1, 24, chargeType),
                new(Pax8Money.Round(cost * 0.93m), Pax8Money.Round(price * 0.94m), 25, 99, chargeType),
                new(Pax8Money.Round(cost * 0.87m), Pax8Money.Round(price * 0.89m), 100, null, chargeType),
            ]
            : [new(Pax8Money.Round(cost), Pax8Money.Round(price), 0, null, chargeType)];
        product.Pricing.Add(new Pax8PricingEntry
        {
            BillingTerm = billingTerm,
            Commitment = commitment,
            Type = entry.PricingType,
            UnitOfMeasurement = entry.Unit,
            Rates = rates,
        });
    }

    private static void AddProvisioning(Pax8Product product, string kind)
    {
        switch (kind)
        {
            case "microsoft":
                product.ProvisioningDetails.Add(new Pax8ProvisioningQuestion
                {
                    Label = "Desired .onmicrosoft.com Customer Domain Prefix",
                    Key = "msDomain",
                    Description = "Do not include the TLD when entering your domain (e.g. mydomain.onmicrosoft.com should be entered as mydomain)",
                    ValueType = "Input",
                });
                product.ProvisioningDetails.Add(new Pax8ProvisioningQuestion
                {
                    Label = "Microsoft Customer Tenant ID",
                    Key = "msTenantId",
                    Description = "The Entra ID (Azure AD) tenant id of an existing customer tenant; leave empty to create a new tenant.",
                    ValueType = "Input",
                });
                product.ProvisioningDetails.Add(new Pax8ProvisioningQuestion
                {
                    Label = "Has the customer accepted the Microsoft Customer Agreement?",
                    Key = "msCustomerAgreementAccepted",
                    Description = null,
                    ValueType = "Single-Value",
                    PossibleValues = ["Yes", "No"],
                });
                break;
            case "google":
                product.ProvisioningDetails.Add(new Pax8ProvisioningQuestion
                {
                    Label = "Primary Domain",
                    Key = "googleDomain",
                    Description = "The domain the customer will use with Google Workspace (e.g. example.com).",
                    ValueType = "Input",
                    PartnerShellTemplateId = 20417,
                });
                product.ProvisioningDetails.Add(new Pax8ProvisioningQuestion
                {
                    Label = "Transfer Token",
                    Key = "googleTransferToken",
                    Description = "Only needed when transferring an existing Google Workspace subscription.",
                    ValueType = "Input",
                    PartnerShellTemplateId = 20417,
                });
                break;
            case "acronis":
                product.ProvisioningDetails.Add(new Pax8ProvisioningQuestion
                {
                    Label = "Data Center",
                    Key = "acronisDataCenter",
                    Description = "Where backups are stored.",
                    ValueType = "Single-Value",
                    PossibleValues = ["US - Ashburn", "CA - Toronto", "EU - Frankfurt", "UK - London"],
                    PartnerShellTemplateId = 10231,
                });
                break;
            case "datto":
                product.ProvisioningDetails.Add(new Pax8ProvisioningQuestion
                {
                    Label = "Microsoft 365 Global Admin Email",
                    Key = "dattoM365AdminEmail",
                    Description = "Used to authorise Datto SaaS Protection against the customer's tenant.",
                    ValueType = "Input",
                    PartnerShellTemplateId = 11808,
                });
                break;
            case "proofpoint":
                product.ProvisioningDetails.Add(new Pax8ProvisioningQuestion
                {
                    Label = "Email Domains",
                    Key = "proofpointDomains",
                    Description = "Comma-separated list of domains to protect.",
                    ValueType = "Input",
                    PartnerShellTemplateId = 13372,
                });
                break;
            case "sentinelone":
                product.ProvisioningDetails.Add(new Pax8ProvisioningQuestion
                {
                    Label = "Site Name",
                    Key = "s1SiteName",
                    Description = "Name of the SentinelOne site created for the customer.",
                    ValueType = "Input",
                    PartnerShellTemplateId = 15590,
                });
                product.ProvisioningDetails.Add(new Pax8ProvisioningQuestion
                {
                    Label = "Add-on Features",
                    Key = "s1Features",
                    Description = "Optional features to enable on the site.",
                    ValueType = "Multi-Value",
                    PossibleValues = ["Device Control", "Firewall Control", "Remote Script Orchestration"],
                    PartnerShellTemplateId = 15590,
                });
                break;
            default:
                break;
        }
    }
}
