namespace Tessera.Reliability.Tests.Infrastructure;

/// <summary>
/// The CPU-heavy tests (fuzzing, spawned processes, load) run one after another once the parallel tests are done, so
/// that they never starve the timing-sensitive fault tests (two-second attempt timeouts) of the two CI cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyCollection
{
    public const string Name = "Heavy";
}
