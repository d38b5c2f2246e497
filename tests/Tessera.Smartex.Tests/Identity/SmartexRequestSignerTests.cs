using System.Text;
using Tessera.Smartex.Identity;

namespace Tessera.Smartex.Tests.Identity;

public sealed class SmartexRequestSignerTests
{
    [Theory]
    [InlineData("https://smartex.io/invoices", "https://smartex.io/invoices")]
    [InlineData("https://smartex.io:443/invoices", "https://smartex.io/invoices")] // default port: never signed (sma's :443 is the quirk)
    [InlineData("https://test.smartex.io/tokens", "https://test.smartex.io/tokens")]
    [InlineData("https://SMARTEX.io/invoices", "https://smartex.io/invoices")]
    [InlineData("https://smartex.io/invoices/abc?token=t0k", "https://smartex.io/invoices/abc?token=t0k")]
    [InlineData("https://smartex.io/invoices?token=t&dateStart=1459900800000&dateEnd=1460505600000", "https://smartex.io/invoices?token=t&dateStart=1459900800000&dateEnd=1460505600000")]
    [InlineData("https://smartex.io/invoices/abc#fragment", "https://smartex.io/invoices/abc")]
    [InlineData("https://smartex.io/bills?status=draft%20x", "https://smartex.io/bills?status=draft%20x")]
    [InlineData("http://localhost/invoices", "http://localhost/invoices")]
    [InlineData("http://localhost:80/invoices", "http://localhost/invoices")]
    [InlineData("http://localhost:5080/invoices?token=a", "http://localhost:5080/invoices?token=a")] // non-default port: kept, as in the Host header
    [InlineData("https://smartex.io", "https://smartex.io/")]
    public void Signed_url_is_scheme_host_path_and_query_without_default_port(string uri, string expected)
    {
        SmartexRequestSigner.GetSignedUrl(new Uri(uri)).ShouldBe(expected);
    }

    [Fact]
    public void Signed_url_matches_the_path_and_query_the_transport_sends()
    {
        var uri = new Uri("https://smartex.io/invoices/a b?token=x y&z=ä");

        SmartexRequestSigner.GetSignedUrl(uri).ShouldBe("https://smartex.io" + uri.PathAndQuery);
    }

    [Fact]
    public void Relative_uri_is_rejected()
    {
        Should.Throw<ArgumentException>(() => SmartexRequestSigner.GetSignedUrl(new Uri("/invoices", UriKind.Relative)));
    }

    [Fact]
    public void Message_is_url_then_the_exact_body_bytes_with_no_separator()
    {
        var body = "{\"price\": 20, \"currency\": \"USD\", \"url\": \"https:\\/\\/x\", \"name\": \"Zoë\"}";

        var message = SmartexRequestSigner.BuildMessage(new Uri("https://smartex.io/invoices"), Encoding.UTF8.GetBytes(body));

        message.ShouldBe(Encoding.UTF8.GetBytes("https://smartex.io/invoices" + body));
    }

    [Fact]
    public void Message_without_body_is_the_url()
    {
        var message = SmartexRequestSigner.BuildMessage(new Uri("https://smartex.io/tokens"), []);

        Encoding.UTF8.GetString(message).ShouldBe("https://smartex.io/tokens");
    }

    [Fact]
    public void Sign_returns_header_values_that_verify()
    {
        var identity = SmartexIdentity.Generate();
        var uri = new Uri("https://smartex.io/invoices/abc?token=merchant");

        var headers = SmartexRequestSigner.Sign(identity, uri, ReadOnlySpan<byte>.Empty);

        headers.Identity.ShouldBe(identity.PublicKeyHex);
        headers.Signature.ShouldMatch("^30[0-9a-f]+$");
        SmartexRequestSigner.Verify(uri, [], headers.Identity, headers.Signature).ShouldBeTrue();
        SmartexRequestSigner.Verify(new Uri("https://smartex.io/invoices/abc?token=other"), [], headers.Identity, headers.Signature).ShouldBeFalse();
        SmartexRequestSigner.Verify(new Uri("https://smartex.io/invoices/abc"), [], headers.Identity, headers.Signature).ShouldBeFalse();
    }
}
