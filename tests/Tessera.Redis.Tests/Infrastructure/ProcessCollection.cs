namespace Tessera.Redis.Tests.Infrastructure;

/// <summary>The tests that start redis-server or spawn processes run one after another: the CI machine has two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "Processes";
}
