using Tessera.Core.Serialization;
using Tessera.Pax8.Serialization;

namespace Tessera.Pax8.Webhooks;

/// <content>The same lenient JSON settings as the partner client (dates, booleans, integral numbers).</content>
public partial class Pax8WebhooksClient
{
    /// <summary>The serializer settings of every webhooks client (also used to read deliveries).</summary>
    internal static Newtonsoft.Json.JsonSerializerSettings SerializerSettings => _settings.Value;

    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings)
    {
        ClientJsonSettings.Apply(settings);
        if (!settings.Converters.Any(converter => converter is IntegralNumberConverter))
        {
            settings.Converters.Add(new IntegralNumberConverter());
        }
    }
}
