using Tessera.Core.Serialization;
using Tessera.Pax8.Serialization;

namespace Tessera.Pax8.Webhooks;

/// <content>The same lenient JSON settings as the partner client (dates, booleans, integral numbers).</content>
public partial class Pax8WebhooksClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings)
    {
        ClientJsonSettings.Apply(settings);
        if (!settings.Converters.Any(converter => converter is IntegralNumberConverter))
        {
            settings.Converters.Add(new IntegralNumberConverter());
        }
    }
}
