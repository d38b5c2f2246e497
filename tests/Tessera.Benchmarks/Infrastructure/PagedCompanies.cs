using System.Text;

namespace Tessera.Benchmarks.Infrastructure;

/// <summary>
/// A Pax8 <c>GET /companies</c> server of <see cref="Pages"/> pages of <see cref="PageSize"/> items each, pre-encoded
/// (the bytes exist before anything is measured, so they are not part of any growth). Pages are chosen by the
/// <c>page</c> query parameter (absent = 0).
/// </summary>
public sealed class PagedCompanies
{
    public const int PageSize = 1000;

    /// <summary>The <c>size</c> the clients ask for: Pax8's documented maximum (the server answers <see cref="PageSize"/> items anyway).</summary>
    public const int RequestedSize = 200;

    private readonly byte[][] _pages;

    public PagedCompanies(int pages)
    {
        Pages = pages;
        var items = Payloads.CompanyItems(PageSize);
        _pages = Enumerable.Range(0, pages)
            .Select(n => Encoding.UTF8.GetBytes(Payloads.PagePrefix() + items + Payloads.PageSuffix(PageSize, n, pages)))
            .ToArray();
    }

    public int Pages { get; }

    /// <summary>Requests answered.</summary>
    public int Requests { get; private set; }

    public int BytesPerPage => _pages[0].Length;

    /// <summary>Called at every request (the paging-memory run samples the heap here).</summary>
    public Action? OnRequest { get; set; }

    public CannedResponse Respond(HttpRequestMessage request)
    {
        Requests++;
        OnRequest?.Invoke();
        var query = request.RequestUri!.Query;
        var page = 0;
        foreach (var part in query.TrimStart('?').Split('&'))
        {
            if (part.StartsWith("page=", StringComparison.Ordinal))
            {
                page = int.Parse(part.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return new CannedResponse(_pages[page]);
    }
}
