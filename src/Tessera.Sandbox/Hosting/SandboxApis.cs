using Tessera.Sandbox.Pax8;
using Tessera.Sandbox.Smartex;
using Tessera.Sandbox.SmartPay;

namespace Tessera.Sandbox.Hosting;

/// <summary>The APIs one sandbox serves.</summary>
internal static class SandboxApis
{
    public static IReadOnlyList<ISandboxApi> Create() => [new Pax8SandboxApi(), new SmartPaySandboxApi(), new SmartexSandboxApi()];
}
