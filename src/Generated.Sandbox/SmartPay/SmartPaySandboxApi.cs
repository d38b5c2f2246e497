using Generated.Sandbox.Hosting;

namespace Generated.Sandbox.SmartPay;

/// <summary>The SmartPay API under <c>/smartpay/</c>, written from specs/smartpay.yaml. (Not implemented yet.)</summary>
internal sealed class SmartPaySandboxApi : ISandboxApi
{
    public PathString Prefix => "/smartpay";

    public void Register(IServiceCollection services, SandboxOptions options)
    {
    }

    public void Map(WebApplication app)
    {
    }
}
