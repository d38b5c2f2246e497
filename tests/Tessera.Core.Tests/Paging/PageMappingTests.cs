using Tessera.Core.Paging;

namespace Tessera.Core.Tests.Paging;

public class PageMappingTests
{
    [Theory]
    [InlineData(0, 3, true)]
    [InlineData(2, 3, false)]
    public void Zero_based_pages_have_more_while_the_next_index_is_below_the_count(int number, int totalPages, bool hasMore)
    {
        PageMapping.ToPage([1, 2], number, number, totalPages, 40, firstPageNumber: 0, fixedPageSize: null).HasMore.ShouldBe(hasMore);
    }

    [Theory]
    [InlineData(1, 3, true)]
    [InlineData(3, 3, false)]
    public void One_based_pages_have_more_while_the_number_is_below_the_count(int number, int totalPages, bool hasMore)
    {
        PageMapping.ToPage([1], number, number, totalPages, null, firstPageNumber: 1, fixedPageSize: 100).HasMore.ShouldBe(hasMore);
    }

    [Fact]
    public void Without_a_page_count_a_full_page_of_a_fixed_size_means_more()
    {
        PageMapping.ToPage(Enumerable.Range(0, 100), null, 4, null, null, 1, 100).ShouldSatisfyAllConditions(
            p => p.HasMore.ShouldBeTrue(),
            p => p.PageNumber.ShouldBe(4, "the requested number stands in for a missing one"));
        PageMapping.ToPage(Enumerable.Range(0, 99), null, 4, null, null, 1, 100).HasMore.ShouldBeFalse();
        PageMapping.ToPage(Enumerable.Range(0, 10), null, 0, null, null, 0, null).HasMore.ShouldBeFalse();
    }

    [Fact]
    public void Missing_items_are_an_empty_page_and_an_impossible_number_is_not_believed()
    {
        var page = PageMapping.ToPage<int>(null, -7, 2, 5, null, 1, null);

        page.Items.ShouldBeEmpty();
        page.PageNumber.ShouldBe(2);
    }

    [Fact]
    public void A_request_copy_is_independent_of_the_original()
    {
        var original = new Filter { Page = 1 };
        original.AdditionalProperties["custom"] = "kept";

        var copy = RequestCopy.Of(original);
        copy.Page = 5;
        copy.AdditionalProperties["custom"] = "changed";

        original.Page.ShouldBe(1);
        original.AdditionalProperties["custom"].ShouldBe("kept");
        copy.AdditionalProperties.ShouldNotBeSameAs(original.AdditionalProperties);
    }

    private sealed class Filter
    {
        public int? Page { get; set; }

        public IDictionary<string, object> AdditionalProperties { get; set; } = new Dictionary<string, object>();
    }
}
