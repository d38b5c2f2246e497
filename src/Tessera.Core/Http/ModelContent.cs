using System.Buffers;
using System.Net;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Tessera.Core.Http;

/// <summary>
/// A request body built from a generated model, serialized once, when it is first needed (by a signing handler, or
/// by the transport), so that handlers can add the fields the client injects itself (a session or facade token)
/// without re-parsing or rewriting the body: <see cref="WithField"/> gives a new content carrying the field (a new
/// instance, because any handler may already have made <see cref="HttpContent"/> buffer the old one). JSON bodies get the
/// field as a top-level property, form bodies as a field (first); an injected field replaces a member of the same name
/// the model carries (a stale token round-tripped in <c>AdditionalProperties</c> never goes out).
/// </summary>
public sealed class ModelContent : HttpContent
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly object? _model;
    private readonly JsonSerializer _serializer;
    private readonly bool _form;
    private readonly List<KeyValuePair<string, string>>? _fields;
    private byte[]? _bytes;

    private ModelContent(object? model, JsonSerializer serializer, bool form, string mediaType, List<KeyValuePair<string, string>>? fields = null)
    {
        _model = model;
        _serializer = serializer;
        _form = form;
        _fields = fields;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
    }

    /// <summary>A JSON body.</summary>
    /// <param name="model">The body.</param>
    /// <param name="serializer">The client's serializer.</param>
    /// <param name="mediaType">The media type, for example <c>application/json</c>.</param>
    /// <returns>The content.</returns>
    public static ModelContent Json(object? model, JsonSerializer serializer, string mediaType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(serializer);
        return new ModelContent(model, serializer, form: false, mediaType);
    }

    /// <summary>A form-urlencoded body of the model's top-level members, each as its JSON text (strings unquoted).</summary>
    /// <param name="model">The body.</param>
    /// <param name="serializer">The client's serializer (its converters shape dates, booleans and numbers).</param>
    /// <param name="mediaType">The media type, for example <c>application/x-www-form-urlencoded</c>.</param>
    /// <returns>The content.</returns>
    public static ModelContent Form(object? model, JsonSerializer serializer, string mediaType = "application/x-www-form-urlencoded")
    {
        ArgumentNullException.ThrowIfNull(serializer);
        return new ModelContent(model, serializer, form: true, mediaType);
    }

    /// <summary>The model the body is built from.</summary>
    public object? Model => _model;

    /// <summary>Whether the body is form-urlencoded.</summary>
    public bool IsForm => _form;

    /// <summary>
    /// A copy of this content that also carries a field the client injects itself (replacing an earlier value of that
    /// field, for a retry with a renewed credential); a member of that name in the model is not sent. A handler that
    /// lets an explicit value win checks the model first. Put the copy on the request and dispose this one.
    /// </summary>
    /// <param name="name">The field name on the wire.</param>
    /// <param name="value">The value.</param>
    /// <returns>The new content.</returns>
    public ModelContent WithField(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        var fields = new List<KeyValuePair<string, string>>(_fields ?? []);
        fields.RemoveAll(f => string.Equals(f.Key, name, StringComparison.Ordinal));
        fields.Add(new KeyValuePair<string, string>(name, value));
        var copy = new ModelContent(_model, _serializer, _form, Headers.ContentType?.MediaType ?? "application/json", fields);
        foreach (var header in Headers)
        {
            if (!string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase) && !string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }

    /// <summary>Replaces the request's generated body with one that also carries the field (see <see cref="WithField"/>).</summary>
    /// <param name="request">A request whose body is a <see cref="ModelContent"/>.</param>
    /// <param name="name">The field name on the wire.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="false"/> when the request's body is not a generated one.</returns>
    public static bool TrySetField(HttpRequestMessage request, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Content is not ModelContent content)
        {
            return false;
        }

        request.Content = content.WithField(name, value);
        content.Dispose();
        return true;
    }

    /// <summary>The body's bytes, serialized on first use and then kept: what is signed is what is sent.</summary>
    /// <returns>The bytes.</returns>
    /// <exception cref="ArgumentException">The model cannot be written (a required member is missing).</exception>
    public ReadOnlyMemory<byte> GetBytes() => _bytes ??= Serialize();

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(GetBytes()).AsTask();

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(GetBytes(), cancellationToken).AsTask();

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        length = GetBytes().Length;
        return true;
    }

    /// <exception cref="ArgumentException">The model cannot be written (a required member is missing); nothing was sent.</exception>
    private byte[] Serialize()
    {
        try
        {
            return _form ? SerializeForm() : SerializeJson();
        }
        catch (JsonSerializationException exception)
        {
            // An incomplete model is the caller's input error, found before anything is sent: report it like the
            // spec's other input checks. Json.NET's message names the member, not its value.
            throw new ArgumentException($"The request body cannot be sent: {exception.Message}", "body", exception);
        }
    }

    private byte[] SerializeJson()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        bool conflict;
        using (var writer = new StreamWriter(new BufferWriterStream(buffer), Utf8, 1024))
        using (var json = new InjectingJsonWriter(writer, _fields))
        {
            if (_model is null)
            {
                json.WriteStartObject();
                json.WriteEndObject();
            }
            else
            {
                _serializer.Serialize(json, _model);
            }

            conflict = json.Conflict;
        }

        return conflict ? SerializeJsonReplacing() : buffer.WrittenSpan.ToArray();
    }

    // The rare case of a model that already carries an injected member: build the object, replace, write.
    private byte[] SerializeJsonReplacing()
    {
        var root = JToken.FromObject(_model!, _serializer) as JObject
            ?? throw new JsonSerializationException($"Cannot add fields to a JSON body that is not an object ({_model!.GetType().Name}).");
        foreach (var (name, value) in _fields!)
        {
            root[name] = value;
        }

        return Utf8.GetBytes(root.ToString(Formatting.None));
    }

    private byte[] SerializeForm()
    {
        var builder = new StringBuilder(256);

        // Injected fields go first, as a server reading the first occurrence expects them.
        if (_fields is not null)
        {
            foreach (var (name, value) in _fields)
            {
                Append(builder, name, value);
            }
        }

        if (_model is not null)
        {
            using var writer = new FormFieldWriter();
            _serializer.Serialize(writer, _model);
            if (!writer.RootIsObject)
            {
                throw new JsonSerializationException($"A form body must be an object; {_model.GetType().Name} is not.");
            }

            foreach (var (name, value) in writer.Fields)
            {
                if (_fields?.Exists(f => f.Key == name) != true)
                {
                    Append(builder, name, value);
                }
            }
        }

        return Utf8.GetBytes(builder.ToString());
    }

    // The encoding FormUrlEncodedContent uses.
    private static void Append(StringBuilder builder, string name, string value)
    {
        if (builder.Length > 0)
        {
            builder.Append('&');
        }

        builder.Append(Encode(name)).Append('=').Append(Encode(value));
    }

    private static string Encode(string text) => Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal);

    /// <summary>Writes the injected fields at the end of the top-level object, and notices a model member of the same name.</summary>
    private sealed class InjectingJsonWriter(TextWriter writer, List<KeyValuePair<string, string>>? fields) : JsonTextWriter(writer)
    {
        public bool Conflict { get; private set; }

        public override void WritePropertyName(string name)
        {
            Notice(name);
            base.WritePropertyName(name);
        }

        public override void WritePropertyName(string name, bool escape)
        {
            Notice(name);
            base.WritePropertyName(name, escape);
        }

        public override void WriteEndObject()
        {
            if (Top == 1 && fields is not null)
            {
                foreach (var (name, value) in fields)
                {
                    base.WritePropertyName(name);
                    WriteValue(value);
                }
            }

            base.WriteEndObject();
        }

        private void Notice(string name)
        {
            if (Top == 1 && fields is not null && fields.Exists(f => f.Key == name))
            {
                Conflict = true;
            }
        }
    }

    /// <summary>A write-only stream over an <see cref="IBufferWriter{T}"/>.</summary>
    private sealed class BufferWriterStream(IBufferWriter<byte> buffer) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] data, int offset, int count) => Write(data.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> span)
        {
            span.CopyTo(buffer.GetSpan(span.Length));
            buffer.Advance(span.Length);
        }
    }
}
