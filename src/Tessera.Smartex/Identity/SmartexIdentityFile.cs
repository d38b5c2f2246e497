using Microsoft.Extensions.Logging;

namespace Tessera.Smartex.Identity;

/// <summary>Loads the client identity from <see cref="SmartexClientOptions.KeyFile"/>, or creates and saves one.</summary>
internal static partial class SmartexIdentityFile
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static SmartexIdentity LoadOrCreate(SmartexClientOptions options, ILogger logger)
    {
        var path = options.ResolveKeyFile();
        if (File.Exists(path))
        {
            try
            {
                var identity = SmartexIdentity.LoadPem(path);
                Loaded(logger, identity.Sin, path);
                return identity;
            }
            catch (SmartexKeyFormatException ex)
            {
                // The reason (too large, corrupt, wrong curve...) is in the inner message, which names the file and
                // never quotes key bytes; the CLI prints only this message, so it is repeated here.
                throw new Tessera.Core.Clients.ClientConfigurationException("Smartex", $"The Smartex key file '{path}' is not a secp256k1 private key PEM; fix or remove it (a new key must be paired again). {ex.Message}", ex);
            }
        }

        if (!options.CreateKeyIfMissing)
        {
            throw new Tessera.Core.Clients.ClientConfigurationException("Smartex", $"The Smartex key file '{path}' does not exist and CreateKeyIfMissing is false.");
        }

        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, OwnerOnlyDirectory);
            }
        }

        var created = SmartexIdentity.Generate();
        created.SavePem(path);
        Created(logger, created.Sin, path);
        return created;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Loaded Smartex identity {Sin} from {Path}.")]
    private static partial void Loaded(ILogger logger, string sin, string path);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Created Smartex identity {Sin} in {Path}; pair it with a facade token before making signed calls.")]
    private static partial void Created(ILogger logger, string sin, string path);
}
