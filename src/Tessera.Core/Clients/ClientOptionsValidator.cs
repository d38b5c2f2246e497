using Microsoft.Extensions.Options;

namespace Tessera.Core.Clients;

/// <summary>
/// Validates a client's options when they are first read (and when the host starts: <c>ValidateOnStart</c>). It
/// throws the client's own <see cref="ClientConfigurationException"/>, which lists every problem with its
/// configuration key, instead of returning a result that would surface as a generic OptionsValidationException.
/// </summary>
internal sealed class ClientOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : ClientOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return ValidateOptionsResult.Success;
    }
}
