using Generated.Runtime.Paging;

namespace Generated.SmartPay;

/// <content>Every list operation as an <see cref="AsyncPageable{T}"/>.</content>
public partial class SmartPayClient
{
    /// <inheritdoc />
    public virtual AsyncPageable<Consumer> GetConsumersAllAsync(GetConsumersRequest? filter = null, CancellationToken cancellationToken = default) =>
        SmartPayPaging.Create<GetConsumersRequest, ConsumerListResponse, Consumer>(filter, GetConsumersAsync, r => r.Result, cancellationToken);

    /// <inheritdoc />
    public virtual AsyncPageable<Order> GetOrdersAllAsync(GetOrdersRequest? filter = null, CancellationToken cancellationToken = default) =>
        SmartPayPaging.Create<GetOrdersRequest, OrderListResponse, Order>(filter, GetOrdersAsync, r => r.Result, cancellationToken);

    /// <inheritdoc />
    public virtual AsyncPageable<Invoice> GetInvoicesAllAsync(GetInvoicesRequest? filter = null, CancellationToken cancellationToken = default) =>
        SmartPayPaging.Create<GetInvoicesRequest, InvoiceListResponse, Invoice>(filter, GetInvoicesAsync, r => r.Result, cancellationToken);

    /// <inheritdoc />
    public virtual AsyncPageable<Webhook> GetWebhooksAllAsync(GetWebhooksRequest? filter = null, CancellationToken cancellationToken = default) =>
        SmartPayPaging.Create<GetWebhooksRequest, WebhookListResponse, Webhook>(filter, GetWebhooksAsync, r => r.Result, cancellationToken);
}
