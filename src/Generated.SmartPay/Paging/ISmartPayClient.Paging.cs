using Generated.Runtime.Paging;

namespace Generated.SmartPay;

/// <content>Every list operation as an <see cref="AsyncPageable{T}"/>.</content>
public partial interface ISmartPayClient
{
    /// <summary>All consumers matching <paramref name="filter"/>, page after page (100 a page); <c>AsPages()</c> gives the pages.</summary>
    /// <param name="filter">Filters; its <c>Page</c> is the first page to read (default 1). It is copied per page, never modified.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The consumers, fetched lazily.</returns>
    AsyncPageable<Consumer> GetConsumersAllAsync(GetConsumersRequest? filter = null, CancellationToken cancellationToken = default);

    /// <summary>All orders matching <paramref name="filter"/>, page after page (100 a page); <c>AsPages()</c> gives the pages.</summary>
    /// <param name="filter">Filters; its <c>Page</c> is the first page to read (default 1). It is copied per page, never modified.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The orders, fetched lazily.</returns>
    AsyncPageable<Order> GetOrdersAllAsync(GetOrdersRequest? filter = null, CancellationToken cancellationToken = default);

    /// <summary>All invoices matching <paramref name="filter"/>, page after page (100 a page); <c>AsPages()</c> gives the pages.</summary>
    /// <param name="filter">Filters; its <c>Page</c> is the first page to read (default 1). It is copied per page, never modified.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The invoices, fetched lazily.</returns>
    AsyncPageable<Invoice> GetInvoicesAllAsync(GetInvoicesRequest? filter = null, CancellationToken cancellationToken = default);

    /// <summary>All webhooks matching <paramref name="filter"/>, page after page (100 a page); <c>AsPages()</c> gives the pages.</summary>
    /// <param name="filter">Filters; its <c>Page</c> is the first page to read (default 1). It is copied per page, never modified.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The webhooks, fetched lazily.</returns>
    AsyncPageable<Webhook> GetWebhooksAllAsync(GetWebhooksRequest? filter = null, CancellationToken cancellationToken = default);
}
