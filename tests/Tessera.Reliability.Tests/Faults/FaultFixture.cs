using Tessera.Reliability.Tests.Infrastructure;

namespace Tessera.Reliability.Tests.Faults;

/// <summary>One warmed-up harness per API, shared by the tests of a class (which run one after another).</summary>
public sealed class FaultFixture : IAsyncLifetime
{
    private readonly Dictionary<Api, Harness> _harnesses = [];

    public Harness this[Api api] => _harnesses[api];

    public async Task InitializeAsync()
    {
        foreach (var api in Enum.GetValues<Api>())
        {
            var harness = await Harness.StartAsync(api, kestrel: true);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    // Cold paths (JIT, first token, first pairing) may exceed the attempt timeout on a busy machine.
                    await harness.WarmUpAsync();
                    break;
                }
                catch (Exception ex) when (attempt < 5 && ex is TimeoutException or HttpRequestException)
                {
                }
            }

            _harnesses[api] = harness;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var harness in _harnesses.Values)
        {
            await harness.DisposeAsync();
        }
    }
}
