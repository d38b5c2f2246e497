using Generated.Sandbox.Pax8;
using Generated.Sandbox.Smartex;
using Generated.Sandbox.SmartPay;

namespace Generated.Sandbox.Hosting;

/// <summary>The APIs one sandbox serves.</summary>
internal static class SandboxApis
{
    public static IReadOnlyList<ISandboxApi> Create() => [new Pax8SandboxApi(), new SmartPaySandboxApi(), new SmartexSandboxApi()];
}
