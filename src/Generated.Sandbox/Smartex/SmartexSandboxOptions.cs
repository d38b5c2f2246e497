namespace Generated.Sandbox.Smartex;

/// <summary>Settings of the sandbox's Smartex API.</summary>
public sealed class SmartexSandboxOptions
{
}
