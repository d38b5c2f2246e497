namespace Tessera.SmartPay.Tests.Errors;

/// <summary>
/// The allocation-free scan that lets a plain success skip the envelope read must never let an error or a warning
/// through: anything it is unsure of goes to the full read.
/// </summary>
public sealed class EnvelopeScanTests
{
    [Theory]
    [InlineData("""{"result":{"id":"x"},"errors":[],"warnings":[]}""")]
    [InlineData("""{"errors":{},"warnings":{},"result":[1,2],"total_pages":1}""")]
    [InlineData("""{"result":{"errors":["nested, not the envelope"]},"errors":null}""")]
    [InlineData("""{"result":"ok"}""")]
    public void A_success_with_empty_errors_and_warnings_needs_no_envelope_read(string body) =>
        SmartPayEnvelopeHandler.NeedsEnvelopeRead(System.Text.Encoding.UTF8.GetBytes(body)).ShouldBeFalse();

    [Theory]
    [InlineData("""{"result":null,"errors":{"1001":"Invalid token"}}""")]
    [InlineData("""{"result":{"id":"x"},"errors":["1001"]}""")]
    [InlineData("""{"result":{"id":"x"},"errors":[],"warnings":{"2001":"Deprecated"}}""")]
    [InlineData("""{"errors":[]}""")]                         // an errors member and no result: a failure
    [InlineData("""{"errors":[],"result":null}""")]
    [InlineData("""{"errors":"Invalid token"}""")]            // a shape only the full read understands
    [InlineData("""{"result":{"id":"x"},"errors":[] """)]     // truncated
    [InlineData("""[{"errors":[]}]""")]
    [InlineData("not json")]
    public void Anything_else_goes_to_the_envelope_read(string body) =>
        SmartPayEnvelopeHandler.NeedsEnvelopeRead(System.Text.Encoding.UTF8.GetBytes(body)).ShouldBeTrue();
}
