namespace Generated.Pax8;

/// <summary>The shape every Pax8 list response shares: <c>{content: [...], page: {...}}</c>.</summary>
/// <typeparam name="TItem">The item type.</typeparam>
internal interface IPax8PagedResponse<TItem>
{
    IList<TItem> Content { get; }

    Page Page { get; }
}
