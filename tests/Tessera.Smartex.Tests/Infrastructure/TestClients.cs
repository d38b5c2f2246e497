using System.Net;
using Tessera.Smartex.Identity;
using Tessera.Smartex.Tests.Identity;
using Tessera.Smartex.Tokens;
using Microsoft.Extensions.Logging;

namespace Tessera.Smartex.Tests.Infrastructure;

/// <summary>Builds Smartex clients over in-memory transports with the §2.6 vector A identity (deterministic signatures).</summary>
public static class TestClients
{
    public const string PosToken = "3yHuXP7GVbqEh1rsDaodCzbMR5TZsxbMHEPnigsKyY86";
    public const string MerchantToken = "9mKx2vR4tLq8WnZp5sHc7YdFj3GbXe6AuNo1iTrQwEy";
    public const string NewToken = "7fGhJ2kLmN4pQrS6tUvW8xYz1AbCdEfGhJkLmNpQrSt";
    public const string PairingCode = "abcdefg";
    public const string ServerPairingCode = "Xq2J9vA";
    public const string InvoiceId = "AbCdEfGhIjKlMnOpQrStUv";
    public const string BillId = "X6bJq2dVw9fGzN3kTr5LcA";
    public const string InvoiceResourceToken = "inv0iceRes0urceT0ken5cB1bJq2dVw9fGzN3kTr5L";
    public const string BillResourceToken = "b1llRes0urceT0ken";
    public static readonly Uri BaseUrl = new("https://smartex.io/");

    public static SmartexIdentity Identity => SmartexIdentity.FromPrivateKeyHex(TestVectors.A.PrivateKey);

    public static string Sin => TestVectors.A.Sin;

    /// <summary>Every secret a test may see: tokens, pairing codes, the identity (public key, SIN, private key) and signatures.</summary>
    public static Scrubber Scrubber() => new Scrubber()
        .WithPattern("^(X-Signature: ).*$", "$1{signature}")
        .WithSecret(PosToken, "{pos_token}")
        .WithSecret(MerchantToken, "{merchant_token}")
        .WithSecret(NewToken, "{new_token}")
        .WithSecret(InvoiceResourceToken, "{invoice_resource_token}")
        .WithSecret(BillResourceToken, "{bill_resource_token}")
        .WithSecret(PairingCode, "{pairing_code}")
        .WithSecret(ServerPairingCode, "{server_pairing_code}")
        .WithSecret(TestVectors.A.PublicKey, "{identity}")
        .WithSecret(TestVectors.A.Sin, "{sin}")
        .WithSecret(TestVectors.A.PrivateKey, "{private_key}");

    public static SmartexClientOptions Options(Action<SmartexClientOptions>? configure = null)
    {
        var options = new SmartexClientOptions
        {
            BaseUrl = BaseUrl,
            Identity = Identity,
            RequestsPerMinute = 0,
        };
        options.Resilience.MaxRetryAttempts = 0;
        options.Resilience.EnableCircuitBreaker = false;
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A client over <paramref name="respond"/>, paired with the pos and merchant tokens unless told otherwise.</summary>
    public static (SmartexClient Client, RecordingHandler Transport) Canned(
        Func<HttpRequestMessage, HttpResponseMessage> respond,
        Action<SmartexClientOptions>? configure = null,
        string[]? facades = null,
        ILoggerFactory? loggerFactory = null)
    {
        var transport = new RecordingHandler(respond);
        var client = SmartexClient.Create(Options(configure), loggerFactory, transport);
        foreach (var facade in facades ?? ["pos", "merchant"])
        {
            client.Tokens.Set(new SmartexStoredToken(facade, facade == "pos" ? PosToken : MerchantToken));
        }

        return (client, transport);
    }

    public static (SmartexClient Client, RecordingHandler Transport) Canned(string payload, string[]? facades = null) =>
        Canned(_ => RecordingHandler.Json(Payloads.Read(payload)), facades: facades);

    public static HttpResponseMessage NoContent() => new(HttpStatusCode.NoContent);

    /// <summary>
    /// A fresh private directory (0700 on Unix, like the client creates) under the temp folder, deleted by the caller.
    /// </summary>
    public static string TempDirectory() => Directory.CreateTempSubdirectory("smartex-tests-").FullName;

    /// <summary>
    /// Writes a fixture key or token file the way the client writes its own (0600 on Unix): the default 0644 of a test
    /// file would be refused as readable by others.
    /// </summary>
    public static void WritePrivateFile(string path, string content)
    {
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
