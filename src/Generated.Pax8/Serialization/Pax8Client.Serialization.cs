using Generated.Runtime.Serialization;

namespace Generated.Pax8;

/// <content>
/// Lenient reading of Pax8's dates (offsets without a colon, date-only values; discrepancy D15), and
/// bodies read as text so every error carries the raw response.
/// </content>
public partial class Pax8Client
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => ClientJsonSettings.Apply(settings);

    partial void Initialize() => ReadResponseAsString = true;
}
