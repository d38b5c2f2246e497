using Generated.Sandbox.Hosting;

namespace Generated.Sandbox.Smartex;

/// <summary>The Smartex API under <c>/smartex/</c>, written from specs/smartex.yaml. (Not implemented yet.)</summary>
internal sealed class SmartexSandboxApi : ISandboxApi
{
    public PathString Prefix => "/smartex";

    public void Register(IServiceCollection services, SandboxOptions options)
    {
    }

    public void Map(WebApplication app)
    {
    }
}
