using System.Net;
using System.Text;
using Tessera.Core.Http;
using Tessera.Core.Serialization;

namespace Tessera.Core.Tests.Http;

/// <summary>The wire handler's pooled response buffer: bounded, faithful, and never readable once returned to the pool.</summary>
public sealed class BufferedResponseContentTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16 * 1024)]        // exactly the first buffer when no length is declared
    [InlineData(100_000)]          // several regrowths
    public async Task The_body_and_headers_come_through_unchanged(int size)
    {
        var bytes = Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray();
        using var original = new StreamContent(new MemoryStream(bytes)); // no declared length
        original.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        original.Headers.TryAddWithoutValidation("Content-Language", "de");

        using var content = (await BufferedResponseContent.ReadAsync(original, 1_000_000, CancellationToken.None))!;

        (await content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        content.Headers.ContentLength.ShouldBe(size);
        content.Headers.ContentType!.CharSet.ShouldBe("utf-8");
        content.Headers.ContentLanguage.ShouldBe(["de"]);
        using var body = await ResponseBody.ReadAsync(content, CancellationToken.None);
        body.Memory.ToArray().ShouldBe(bytes);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_gives_nothing(bool declared)
    {
        var bytes = new byte[1001];
        using var original = declared ? (HttpContent)new ByteArrayContent(bytes) : new StreamContent(new MemoryStream(bytes));

        (await BufferedResponseContent.ReadAsync(original, 1000, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_kept()
    {
        using var original = new StreamContent(new MemoryStream(new byte[1000]));

        using var content = await BufferedResponseContent.ReadAsync(original, 1000, CancellationToken.None);

        content.ShouldNotBeNull().Memory.Length.ShouldBe(1000);
    }

    [Fact]
    public async Task Nothing_reads_the_buffer_after_the_response_is_disposed()
    {
        using var original = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"id":"1"}"""));
        var content = (await BufferedResponseContent.ReadAsync(original, 1000, CancellationToken.None))!;
        var stream = await content.ReadAsStreamAsync();

        content.Dispose();

        Should.Throw<ObjectDisposedException>(() => _ = content.Memory);
        Should.Throw<ObjectDisposedException>(() => stream.ReadByte());
    }

    [Fact]
    public async Task A_connection_cut_mid_body_is_a_transport_failure_of_the_attempt()
    {
        using var original = new StreamContent(new FailingStream());

        var exception = await Should.ThrowAsync<HttpRequestException>(() => BufferedResponseContent.ReadAsync(original, 1000, CancellationToken.None));

        exception.HttpRequestError.ShouldBe(HttpRequestError.ResponseEnded);
        exception.InnerException.ShouldBeOfType<IOException>();
    }

    private sealed class FailingStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("Connection reset by peer");
    }
}
