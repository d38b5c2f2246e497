using Tessera.Reliability.Tests.Infrastructure;

namespace Tessera.Reliability.Tests.Faults;

/// <summary>Every fault of <see cref="FaultCatalog"/> played by a scripted in-memory transport, for every client.</summary>
public sealed class ScriptedFaultTests(FaultFixture fixture) : IClassFixture<FaultFixture>
{
    public static TheoryData<Api, string> Cases()
    {
        var data = new TheoryData<Api, string>();
        foreach (var api in Enum.GetValues<Api>())
        {
            foreach (var fault in FaultCatalog.All)
            {
                data.Add(api, fault.Name);
            }
        }

        return data;
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Cases))]
    public async Task Read_under_fault_succeeds_or_throws_a_typed_exception(Api api, string faultName)
    {
        var harness = fixture[api];
        var fault = FaultCatalog.Get(faultName);
        var (method, path) = harness.ReadRoute;
        harness.Script.On(method, path, fault.Scripted());

        await FaultAssertions.ReadAndCheckAsync(harness, fault, () => harness.Script.AttemptsTo(method, path));
    }
}
