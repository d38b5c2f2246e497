namespace Generated.Sandbox.SmartPay;

/// <summary>Settings of the sandbox's SmartPay API.</summary>
public sealed class SmartPaySandboxOptions
{
}
