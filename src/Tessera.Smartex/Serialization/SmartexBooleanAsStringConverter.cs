using Newtonsoft.Json;

namespace Tessera.Smartex;

/// <summary>
/// Reads a JSON boolean into a string property as <c>"true"</c>/<c>"false"</c> (Json.NET would write <c>"False"</c>):
/// <c>exceptionStatus</c> is <c>false</c> or a string such as <c>paidPartial</c> (spec decision P7). Other tokens are
/// read as Json.NET always does.
/// </summary>
internal sealed class SmartexBooleanAsStringConverter : JsonConverter<string>, Tessera.Core.Serialization.ISystemTextJsonReadMirror
{
    public override bool CanWrite => false;

    /// <summary>JSON strings and nulls read alike in both libraries; the booleans and numbers it also takes stay here.</summary>
    /// <inheritdoc />
    public bool TryGetSystemTextJsonReader(Type typeToConvert, out System.Text.Json.Serialization.JsonConverter? converter)
    {
        converter = null;
        return typeToConvert == typeof(string);
    }

    public override string? ReadJson(JsonReader reader, Type objectType, string? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        reader.TokenType switch
        {
            JsonToken.Null or JsonToken.Undefined => null,
            JsonToken.Boolean => (bool)reader.Value! ? "true" : "false",
            JsonToken.String => (string?)reader.Value,
            JsonToken.Integer or JsonToken.Float => Convert.ToString(reader.Value, System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new JsonSerializationException($"Expected a string but found {reader.TokenType} at {reader.Path}."),
        };

    public override void WriteJson(JsonWriter writer, string? value, JsonSerializer serializer) => throw new NotSupportedException();
}
