using Tessera.Core.Serialization;
using Newtonsoft.Json;

namespace Tessera.SmartPay;

/// <content>
/// SmartPay's wire conventions on top of the shared lenient settings: timestamps written as
/// <c>YYYY-MM-DD HH:MM:SS</c> UTC (A6), form values written as SmartPay reads them (<c>true</c>/<c>false</c>,
/// invariant numbers; A4), <c>errors</c>/<c>warnings</c> maps read in every historical shape (A2). Error bodies are
/// read as text, so every error carries the raw response (build/nswag/templates/Client.Class.ReadObjectResponse.liquid).
/// </content>
public partial class SmartPayClient
{
    /// <summary>The serializer settings of every SmartPay client (also used to read webhook notifications).</summary>
    internal static JsonSerializerSettings SerializerSettings => _settings.Value;

    static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings)
    {
        ClientJsonSettings.Apply(settings);

        // Json.NET picks the first converter that accepts a type: these go before the shared ones.
        settings.Converters.Insert(0, new SmartPayTimestampConverter());
        settings.Converters.Insert(1, new FormValueStringConverter());
        settings.Converters.Insert(2, new ErrorMapConverter());
    }
}
