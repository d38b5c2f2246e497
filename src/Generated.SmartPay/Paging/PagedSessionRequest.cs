namespace Generated.SmartPay;

/// <content>Per-page copies for the <c>…AllAsync</c> methods, which never touch the caller's request.</content>
public partial class PagedSessionRequest
{
    /// <summary>A shallow copy asking for <paramref name="page"/>; the extension data is copied, not shared.</summary>
    internal TRequest CopyForPage<TRequest>(int page)
        where TRequest : PagedSessionRequest
    {
        var copy = (TRequest)MemberwiseClone();
        copy.Page = page;
        copy.AdditionalProperties = new Dictionary<string, object>(AdditionalProperties);
        return copy;
    }
}
