using Tessera.Sandbox;

namespace Tessera.Pax8.Tests.Integration;

/// <summary>One in-memory sandbox per test class: the real HTTP pipeline with no socket.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public RunningSandbox Sandbox { get; private set; } = null!;

    public Pax8SandboxState State => Sandbox.Pax8;

    public async Task InitializeAsync() => Sandbox = await SandboxServer.StartInMemoryAsync();

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();
}
