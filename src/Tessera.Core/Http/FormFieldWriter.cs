using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Tessera.Core.Http;

/// <summary>
/// A Json.NET writer that turns the top-level members of the object it is given into form fields as they are written,
/// without building a <see cref="JObject"/> first (which cost a form POST about 4 KB and most of its serialization
/// time). Each value is the text <see cref="ModelContent"/> has always sent: strings as they are, numbers and dates
/// in the invariant culture, booleans as <c>true</c>/<c>false</c>, a nested object or array as its JSON; null members
/// are left out.
/// </summary>
internal sealed class FormFieldWriter : JsonWriter
{
    private readonly List<KeyValuePair<string, string>> _fields = new(16);
    private string? _name;
    private JTokenWriter? _nested;

    /// <summary>The top-level members written so far, in order.</summary>
    public List<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>Whether the root was an object (a form body must be one).</summary>
    public bool RootIsObject { get; private set; }

    public override void Flush()
    {
    }

    public override void WriteStartObject()
    {
        if (Top == 0)
        {
            RootIsObject = true;
        }

        BeginNested()?.WriteStartObject();
        base.WriteStartObject();
    }

    public override void WriteStartArray()
    {
        BeginNested()?.WriteStartArray();
        base.WriteStartArray();
    }

    public override void WriteEndObject()
    {
        base.WriteEndObject();
        EndNested(writer => writer.WriteEndObject());
    }

    public override void WriteEndArray()
    {
        base.WriteEndArray();
        EndNested(writer => writer.WriteEndArray());
    }

    public override void WritePropertyName(string name)
    {
        base.WritePropertyName(name);
        if (_nested is not null)
        {
            _nested.WritePropertyName(name);
        }
        else if (Top == 1)
        {
            _name = name;
        }
    }

    public override void WritePropertyName(string name, bool escape) => WritePropertyName(name);

    public override void WriteNull()
    {
        base.WriteNull();
        if (_nested is not null)
        {
            _nested.WriteNull();
        }
    }

    public override void WriteUndefined()
    {
        base.WriteUndefined();
        _nested?.WriteUndefined();
    }

    public override void WriteValue(string? value)
    {
        base.WriteValue(value);
        Value(value, nested => nested.WriteValue(value));
    }

    public override void WriteValue(bool value)
    {
        base.WriteValue(value);
        Value(value ? "true" : "false", nested => nested.WriteValue(value));
    }

    public override void WriteValue(int value)
    {
        base.WriteValue(value);
        Value(value.ToString(CultureInfo.InvariantCulture), nested => nested.WriteValue(value));
    }

    public override void WriteValue(long value)
    {
        base.WriteValue(value);
        Value(value.ToString(CultureInfo.InvariantCulture), nested => nested.WriteValue(value));
    }

    public override void WriteValue(ulong value)
    {
        base.WriteValue(value);
        Value(value.ToString(CultureInfo.InvariantCulture), nested => nested.WriteValue(value));
    }

    public override void WriteValue(uint value) => WriteValue((long)value);

    public override void WriteValue(short value) => WriteValue((int)value);

    public override void WriteValue(ushort value) => WriteValue((int)value);

    public override void WriteValue(byte value) => WriteValue((int)value);

    public override void WriteValue(sbyte value) => WriteValue((int)value);

    public override void WriteValue(char value) => WriteValue(value.ToString());

    public override void WriteValue(double value)
    {
        base.WriteValue(value);
        Value(Convert.ToString(value, CultureInfo.InvariantCulture), nested => nested.WriteValue(value));
    }

    public override void WriteValue(float value)
    {
        base.WriteValue(value);
        Value(Convert.ToString(value, CultureInfo.InvariantCulture), nested => nested.WriteValue(value));
    }

    public override void WriteValue(decimal value)
    {
        base.WriteValue(value);
        Value(value.ToString(CultureInfo.InvariantCulture), nested => nested.WriteValue(value));
    }

    public override void WriteValue(DateTime value)
    {
        base.WriteValue(value);

        // As JTokenWriter stores it (the serializer's DateTimeZoneHandling applies).
        value = DateTimeZoneHandling switch
        {
            DateTimeZoneHandling.Local => value.ToLocalTime(),
            DateTimeZoneHandling.Utc => value.ToUniversalTime(),
            DateTimeZoneHandling.Unspecified => new DateTime(value.Ticks, DateTimeKind.Unspecified),
            _ => value,
        };
        Value(Convert.ToString(value, CultureInfo.InvariantCulture), nested => nested.WriteValue(value));
    }

    public override void WriteValue(DateTimeOffset value)
    {
        base.WriteValue(value);
        Value(Convert.ToString(value, CultureInfo.InvariantCulture), nested => nested.WriteValue(value));
    }

    public override void WriteValue(Guid value)
    {
        base.WriteValue(value);
        Value(value.ToString(), nested => nested.WriteValue(value));
    }

    public override void WriteValue(TimeSpan value)
    {
        base.WriteValue(value);
        Value(value.ToString(), nested => nested.WriteValue(value));
    }

    public override void WriteValue(Uri? value)
    {
        base.WriteValue(value);
        Value(value?.ToString(), nested => nested.WriteValue(value));
    }

    public override void WriteValue(byte[]? value)
    {
        base.WriteValue(value);
        Value(value is null ? null : new JValue(value).ToString(Formatting.None), nested => nested.WriteValue(value));
    }

    public override void WriteRawValue(string? json)
    {
        base.WriteRawValue(json);
        Value(json, nested => nested.WriteRawValue(json));
    }

    // A value directly under a top-level member becomes a field; inside a nested value it goes to the capture.
    private void Value(string? text, Action<JTokenWriter> nested)
    {
        if (_nested is not null)
        {
            nested(_nested);
        }
        else if (Top == 1 && _name is not null && text is not null)
        {
            _fields.Add(new(_name, text));
            _name = null;
        }
    }

    // Called before the base writer opens the container: a container opened under a top-level member is captured.
    private JTokenWriter? BeginNested()
    {
        if (_nested is null && Top == 1)
        {
            _nested = new JTokenWriter();
        }

        return _nested;
    }

    private void EndNested(Action<JTokenWriter> end)
    {
        if (_nested is null)
        {
            return;
        }

        end(_nested);
        if (Top == 1)
        {
            if (_name is not null && _nested.Token is { } token)
            {
                _fields.Add(new(_name, token.ToString(Formatting.None)));
            }

            _name = null;
            _nested = null;
        }
    }
}
