using System.Text.Json;
using System.Text.Json.Serialization;
using Newtonsoft.Json.Linq;

namespace Tessera.Core.Serialization;

/// <summary>
/// System.Text.Json support for a generated member whose schema has no type (<c>object</c>, or a list or map of them):
/// Json.NET reads such a value as a <see cref="JToken"/>, which System.Text.Json would enumerate as a collection;
/// this writes it as the JSON it holds, and reads JSON back into a <see cref="JToken"/> (as Json.NET does), so the
/// member means the same whichever serializer filled it. Put on the property by the Class template.
/// </summary>
public sealed class UntypedJsonSystemTextJsonConverter : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return typeToConvert == typeof(object)
            || typeToConvert.IsAssignableFrom(typeof(List<object>))
            || typeToConvert.IsAssignableFrom(typeof(Dictionary<string, object>));
    }

    /// <inheritdoc />
    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        if (typeToConvert == typeof(object))
        {
            return new ValueConverter();
        }

        var converter = typeToConvert.IsAssignableFrom(typeof(List<object>)) ? typeof(ListConverter<>) : typeof(MapConverter<>);
        return (JsonConverter?)Activator.CreateInstance(converter.MakeGenericType(typeToConvert));
    }

    private sealed class ValueConverter : JsonConverter<object>
    {
        public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JTokenInterop.Read(ref reader);

        public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options) =>
            JTokenInterop.Write(writer, value, options);
    }

    private sealed class ListConverter<TList> : JsonConverter<TList>
        where TList : class, IEnumerable<object>
    {
        public override TList? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException($"Expected a JSON array but found {reader.TokenType}.");
            }

            var items = new List<object>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add(JTokenInterop.Read(ref reader));
            }

            return (TList)(object)items;
        }

        public override void Write(Utf8JsonWriter writer, TList value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStartArray();
            foreach (var item in value)
            {
                JTokenInterop.Write(writer, item, options);
            }

            writer.WriteEndArray();
        }
    }

    private sealed class MapConverter<TMap> : JsonConverter<TMap>
        where TMap : class, IEnumerable<KeyValuePair<string, object>>
    {
        public override TMap? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException($"Expected a JSON object but found {reader.TokenType}.");
            }

            var members = new Dictionary<string, object>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                members[name] = JTokenInterop.Read(ref reader);
            }

            return (TMap)(object)members;
        }

        public override void Write(Utf8JsonWriter writer, TMap value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStartObject();
            foreach (var member in value)
            {
                // The keys as they are: Json.NET applies no naming policy to dictionary keys either.
                writer.WritePropertyName(member.Key);
                JTokenInterop.Write(writer, member.Value, options);
            }

            writer.WriteEndObject();
        }
    }
}
