using Tessera.Reliability.Tests.Infrastructure;

namespace Tessera.Reliability.Tests.Faults;

/// <summary>Every fault of <see cref="FaultCatalog"/> injected by the sandbox's own fault middleware (SandboxOptions.Faults).</summary>
public sealed class SandboxFaultTests(FaultFixture fixture) : IClassFixture<FaultFixture>
{
    public static TheoryData<Api, string> Cases() => ScriptedFaultTests.Cases();

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Cases))]
    public async Task Read_under_sandbox_fault_succeeds_or_throws_a_typed_exception(Api api, string faultName)
    {
        var harness = fixture[api];
        var fault = FaultCatalog.Get(faultName);
        var (method, path) = harness.ReadRoute;
        harness.Faults.Add(method, path, fault.Sandbox());

        await FaultAssertions.ReadAndCheckAsync(harness, fault, () => harness.Script.AttemptsTo(method, path));
        harness.Faults.Pending.ShouldBe(0, "every injected fault was played");
    }
}
