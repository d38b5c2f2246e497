using Tessera.Core.Operations;

namespace Tessera.SmartPay.Tests.Wire;

/// <summary>What the build writes from specs/smartpay.yaml about each operation, as the handlers read it.</summary>
public sealed class OperationDescriptorTests
{
    [Fact]
    public void Authenticate_issues_credentials_and_every_other_operation_takes_the_session_token_in_the_body()
    {
        SmartPayClientOperations.Authenticate.ShouldSatisfyAllConditions(
            d => d.IssuesCredentials.ShouldBeTrue(),
            d => d.Authentication.ShouldBe(OperationAuthentication.None),
            d => d.InjectedFields.ShouldBeEmpty(),
            d => d.SafeToRetry.ShouldBeTrue());
        foreach (var operation in SmartPayClientOperations.All.Where(o => o != SmartPayClientOperations.Authenticate))
        {
            operation.Authentication.ShouldBe(OperationAuthentication.InjectedToken, operation.OperationId);
            operation.InjectedFields.ShouldBe([new InjectedField("token", FieldLocation.Body)], operation.OperationId);
        }
    }

    [Fact]
    public void List_operations_are_paged_and_their_body_constraints_come_from_the_spec()
    {
        SmartPayClientOperations.GetConsumers.PageItemType.ShouldBe(typeof(Consumer));
        SmartPayClientOperations.GetWebhooks.PageItemType.ShouldBe(typeof(SmartPayWebhook));
        SmartPayClientOperations.CreateConsumer.PageItemType.ShouldBeNull();
        SmartPayClientOperations.GetConsumers.BodyConstraints.Single(c => c.Name == "page").Minimum.ShouldBe(1m);
        SmartPayClientOperations.CreateConsumer.BodyConstraints.Single(c => c.Name == "country").Pattern.ShouldBe("^[A-Z]{2}$");
    }
}
