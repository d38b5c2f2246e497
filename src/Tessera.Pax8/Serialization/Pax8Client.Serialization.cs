using Tessera.Core.Serialization;
using Tessera.Pax8.Serialization;

namespace Tessera.Pax8;

/// <content>
/// Lenient reading of Pax8's dates (offsets without a colon, date-only values; discrepancy D15) and of counts Pax8 types as
/// <c>number</c> (<c>12.0</c> is read into an integer; <see cref="IntegralNumberConverter"/>). Error bodies are read
/// as text, so every error carries the raw response; success bodies are deserialized from a pooled buffer
/// (build/nswag/templates/Client.Class.ReadObjectResponse.liquid, docs/performance.md).
/// </content>
public partial class Pax8Client
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
