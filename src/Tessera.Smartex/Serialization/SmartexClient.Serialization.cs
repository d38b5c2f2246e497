using Tessera.Core.Serialization;

namespace Tessera.Smartex;

/// <content>
/// Lenient reading of Smartex payloads (epoch-millisecond timestamps, ETH amounts as string or number, exceptionStatus
/// as <c>false</c> or a string). Error bodies are read as text, so every error carries the raw response
/// (build/nswag/templates/Client.Class.ReadObjectResponse.liquid).
/// </content>
public partial class SmartexClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings)
    {
        ClientJsonSettings.Apply(settings);
        settings.Converters.Add(new SmartexBooleanAsStringConverter());
        settings.Converters.Add(new Serialization.SmartexDecimalConverter());
    }
}
