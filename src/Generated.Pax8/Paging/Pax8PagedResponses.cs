namespace Generated.Pax8;

// Each generated list envelope opts into the shared paging mapping.

/// <content>Paging support.</content>
public partial class CompanyPage : IPax8PagedResponse<Company>;

/// <content>Paging support.</content>
public partial class ContactPage : IPax8PagedResponse<Contact>;

/// <content>Paging support.</content>
public partial class ProductPage : IPax8PagedResponse<Product>;

/// <content>Paging support.</content>
public partial class OrderPage : IPax8PagedResponse<Order>;

/// <content>Paging support.</content>
public partial class SubscriptionPage : IPax8PagedResponse<Subscription>;

/// <content>Paging support.</content>
public partial class InvoicePage : IPax8PagedResponse<Invoice>;

/// <content>Paging support.</content>
public partial class InvoiceItemPage : IPax8PagedResponse<InvoiceItem>;

/// <content>Paging support.</content>
public partial class UsageSummaryPage : IPax8PagedResponse<UsageSummary>;

/// <content>Paging support.</content>
public partial class UsageLinePage : IPax8PagedResponse<UsageLine>;
