namespace Tessera.Core.Clients;

/// <summary>Which runtime builds the handler chain of one named HTTP client.</summary>
/// <param name="HttpClientName">The HTTP client's name.</param>
/// <param name="Runtime">Resolves the runtime.</param>
internal sealed record ClientPipelineRegistration(string HttpClientName, Func<IServiceProvider, ClientRuntime> Runtime);
