using System.Text;
using Microsoft.Extensions.Logging;
using Tessera.Core.Clients;
using Tessera.Core.Files;

namespace Tessera.Smartex.Identity;

/// <summary>Loads the client identity from <see cref="SmartexClientOptions.KeyFile"/>, or creates and saves one.</summary>
/// <remarks>
/// The key is the client's long-lived secret, so a key file that could have been planted or read by someone else is a
/// configuration error (<see cref="ClientConfigurationException"/> with an <see cref="InsecureFileException"/>
/// inside), never a warning: a symbolic link at the key path (dangling or not), a key file that group or others can
/// read or write, or a key directory that group or others can write (mode checks on Unix only). The message names the
/// path and the fix, for example <c>chmod 600 '…'</c>.
/// </remarks>
internal static partial class SmartexIdentityFile
{
    private const string What = "The Smartex key file";

    public static SmartexIdentity LoadOrCreate(SmartexClientOptions options, ILogger logger)
    {
        var path = Path.GetFullPath(options.ResolveKeyFile());
        try
        {
            return Load(path, logger) ?? Create(path, options, logger);
        }
        catch (InsecureFileException ex)
        {
            throw new ClientConfigurationException("Smartex", $"{ex.Message} The key is not loaded or created until this is fixed.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A bare DirectoryNotFoundException or access error would not say which setting leads there.
            throw new ClientConfigurationException(
                "Smartex",
                $"The Smartex key file '{path}' (Smartex:KeyFile) cannot be read or created: {ex.Message} Set Smartex:KeyFile to a path in a directory this process can create and write, or create that directory (mode 0700).",
                ex);
        }
    }

    private static SmartexIdentity? Load(string path, ILogger logger)
    {
        // Read through the shared checks (no link, owner-only mode of the opened file, private directory) rather
        // than SmartexIdentity.LoadPem, which opens whatever the path names.
        byte[]? pem;
        try
        {
            pem = PrivateFiles.ReadAllBytes(path, What);
        }
        catch (InvalidDataException ex)
        {
            throw new ClientConfigurationException("Smartex", $"The Smartex key file '{path}' is not a secp256k1 private key PEM ({ex.Message}); fix or remove it (a new key must be paired again).", ex);
        }

        if (pem is null)
        {
            return null;
        }

        try
        {
            var identity = SmartexIdentity.FromPem(Encoding.ASCII.GetString(pem));
            Loaded(logger, identity.Sin, path);
            return identity;
        }
        catch (SmartexKeyFormatException ex)
        {
            // The reason (too large, corrupt, wrong curve...) is in the inner message, which names the file and
            // never quotes key bytes; the CLI prints only this message, so it is repeated here.
            throw new ClientConfigurationException("Smartex", $"The Smartex key file '{path}' is not a secp256k1 private key PEM; fix or remove it (a new key must be paired again). {ex.Message}", ex);
        }
    }

    private static SmartexIdentity Create(string path, SmartexClientOptions options, ILogger logger)
    {
        if (!options.CreateKeyIfMissing)
        {
            throw new ClientConfigurationException("Smartex", $"The Smartex key file '{path}' does not exist and CreateKeyIfMissing is false.");
        }

        PrivateFiles.EnsureDirectory(path, What);

        // SavePem renames a new 0600 file over the path, which would replace (not follow) a dangling link; a link there
        // is still refused, since someone put it there.
        PrivateFiles.CheckReplaceable(path, What);
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
