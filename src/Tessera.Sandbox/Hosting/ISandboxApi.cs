namespace Tessera.Sandbox.Hosting;

/// <summary>
/// One API the sandbox stands in for. Each lives under its own path prefix with its own state,
/// error envelope and authentication, so the APIs never see each other's requests.
/// </summary>
internal interface ISandboxApi
{
    /// <summary>The path prefix every route of the API lives under, e.g. <c>/pax8</c>.</summary>
    PathString Prefix { get; }

    /// <summary>Creates the API's state from the options and registers it (singletons) for tests and endpoints.</summary>
    void Register(IServiceCollection services, SandboxOptions options);

    /// <summary>Adds the API's middleware (only for requests under <see cref="Prefix"/>) and its endpoints.</summary>
    void Map(WebApplication app);
}
