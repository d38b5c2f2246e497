using Newtonsoft.Json;

namespace Tessera.Core.Serialization;

/// <summary>
/// The Json.NET settings every generated client uses.
/// </summary>
public static class ClientJsonSettings
{
    /// <summary>
    /// Applies the client settings: dates stay strings until <see cref="LenientDateTimeOffsetConverter"/> reads them,
    /// unknown members are ignored, floats are read as decimals (money) and nesting is capped.
    /// </summary>
    /// <param name="settings">The settings to modify.</param>
    public static void Apply(JsonSerializerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // Json.NET's own date parsing would reinterpret offsets and time zones before the converter sees them.
        settings.DateParseHandling = DateParseHandling.None;
        settings.DateTimeZoneHandling = DateTimeZoneHandling.RoundtripKind;
        settings.MissingMemberHandling = MissingMemberHandling.Ignore;
        settings.FloatParseHandling = FloatParseHandling.Decimal;
        settings.MaxDepth = 128;

        if (!settings.Converters.Any(converter => converter is LenientDateTimeOffsetConverter))
        {
            settings.Converters.Insert(0, new LenientDateTimeOffsetConverter());
        }

        if (!settings.Converters.Any(converter => converter is LenientBooleanConverter))
        {
            settings.Converters.Insert(1, new LenientBooleanConverter());
        }
    }

    /// <summary>Creates settings with <see cref="Apply"/> already applied.</summary>
    /// <returns>New settings.</returns>
    public static JsonSerializerSettings Create()
    {
        var settings = new JsonSerializerSettings();
        Apply(settings);
        return settings;
    }
}
