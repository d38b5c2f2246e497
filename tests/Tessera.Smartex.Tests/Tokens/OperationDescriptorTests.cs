using Tessera.Core.Operations;
using Tessera.Smartex.Tests.Infrastructure;

namespace Tessera.Smartex.Tests.Tokens;

/// <summary>
/// The descriptors the build writes from specs/smartex.yaml carry each operation's facades, signing and token field,
/// which the facade handler reads; the expectations here are the reference's table (§5), not a re-reading of the spec.
/// </summary>
public sealed class OperationDescriptorTests
{
    public static TheoryData<string, string[], bool, bool, FieldLocation?> Expected() => new()
    {
        { "createToken", ["public"], false, true, null },
        { "getTokens", ["public"], true, false, null },
        { "createInvoice", ["pos", "merchant"], true, false, FieldLocation.Body },
        { "getInvoices", ["merchant"], true, false, FieldLocation.Query },
        { "getInvoice", ["merchant", "public"], true, true, FieldLocation.Query },
        { "getRefunds", ["resource"], true, false, FieldLocation.Query },
        { "createRefund", ["resource"], true, false, FieldLocation.Body },
        { "createBill", ["merchant"], true, false, FieldLocation.Body },
        { "getBills", ["merchant"], true, false, FieldLocation.Query },
        { "getBill", ["merchant"], true, false, FieldLocation.Query },
        { "updateBill", ["merchant"], true, false, FieldLocation.Body },
        { "deliverBill", ["merchant"], true, false, FieldLocation.Body },
        { "getRates", ["public"], false, true, null },
        { "getCurrencies", ["public"], false, true, null },
        { "getLedgers", ["merchant"], true, false, FieldLocation.Query },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_operation_states_its_facades_signing_and_token_field(string operationId, string[] facades, bool signed, bool unsignedVariant, FieldLocation? token)
    {
        var descriptor = SmartexClientOperations.All.Single(o => o.OperationId == operationId);

        descriptor.Facades.ShouldBe(facades);
        descriptor.Signed.ShouldBe(signed);
        descriptor.UnsignedVariant.ShouldBe(unsignedVariant);
        (descriptor.InjectedFields.SingleOrDefault()?.Location).ShouldBe(token);
        descriptor.Api.ShouldBe("Smartex");
    }

    [Fact]
    public void Every_generated_operation_has_a_descriptor()
    {
        SmartexClientOperations.All.Select(o => o.OperationId).ShouldBe(Expected().Select(row => (string)row[0]), ignoreOrder: true);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public async Task A_path_parameter_that_would_change_the_signed_route_is_refused_before_sending(string id)
    {
        var (client, transport) = TestClients.Canned("invoice");

        var exception = await Should.ThrowAsync<ArgumentException>(() => client.GetInvoiceAsync(id));

        exception.ParamName.ShouldBe("id");
        transport.Requests.ShouldBeEmpty();
    }
}
