using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tessera.Core.Serialization;

/// <summary>
/// Writes a generated model's <c>AdditionalProperties</c> (<c>[JsonExtensionData]</c>) with System.Text.Json: each
/// member inline, as the JSON it holds (a Json.NET <see cref="Newtonsoft.Json.Linq.JToken"/> included), and nothing
/// for an empty dictionary. System.Text.Json calls a converter of an extension-data property to write its members
/// inside the model's object; reading an extra member does not come here (System.Text.Json reads it as a
/// <see cref="JsonElement"/> into the dictionary, which <see cref="ExtensionData"/> turns into a JToken).
/// </summary>
public sealed class ExtensionDataSystemTextJsonConverter : JsonConverter<IDictionary<string, object>>
{
    /// <summary>Reads a JSON object into an <see cref="ExtensionData"/> (used only outside extension data).</summary>
    /// <inheritdoc />
    public override IDictionary<string, object>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object but found {reader.TokenType}.");
        }

        var members = new ExtensionData();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            members[name] = JTokenInterop.Read(ref reader);
        }

        return members;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IDictionary<string, object> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);

        // The writer is inside the model's object: the members go there, under their own names (no naming policy,
        // as Json.NET writes them).
        foreach (var member in value)
        {
            writer.WritePropertyName(member.Key);
            JTokenInterop.Write(writer, member.Value, options);
        }
    }
}
