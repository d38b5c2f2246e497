using System.Buffers;
using System.Text;
using Newtonsoft.Json;

namespace Tessera.Core.Serialization;

/// <summary>
/// A response body read asynchronously into a pooled buffer, for the generated clients' success path: Json.NET then
/// deserializes from memory (no synchronous reads on the network stream, no body-sized string, no large-object-heap
/// garbage per response), and the raw text is still there, decoded only when an exception needs it.
/// </summary>
/// <remarks>
/// Dispose returns the buffer to <see cref="ArrayPool{T}.Shared"/>; nothing may use the body afterwards.
/// </remarks>
public sealed class ResponseBody : IDisposable
{
    private readonly Encoding _encoding;
    private byte[]? _buffer;
    private int _length;

    private ResponseBody(byte[] buffer, int length, Encoding encoding)
    {
        _buffer = buffer;
        _length = length;
        _encoding = encoding;
    }

    // One instance: a contract resolver caches its contracts.
    private static readonly Drift.DriftContractResolver SharedDriftResolver = new();

    /// <summary>The number of bytes read.</summary>
    public int Length => _length;

    /// <summary>The body's bytes.</summary>
    public ReadOnlyMemory<byte> Memory => (_buffer ?? throw new ObjectDisposedException(nameof(ResponseBody))).AsMemory(0, _length);

    /// <summary>Reads the whole body of <paramref name="content"/> into a pooled buffer.</summary>
    /// <param name="content">The response content.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The body; dispose it.</returns>
    public static async Task<ResponseBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content is Http.BufferedResponseContent)
        {
            return await PeekAsync(content, cancellationToken).ConfigureAwait(false);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        byte[] buffer;
        int length;
        await using (stream.ConfigureAwait(false))
        {
            // Unbounded here: a client's bodies were bounded by the wire handler (MaxResponseBytes) before this read.
            (buffer, length) = await Http.PooledRead.ReadToEndAsync(stream, content.Headers.ContentLength, Array.MaxLength, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException("The response body is larger than an array can hold.");
        }

        return new ResponseBody(buffer, length, EncodingOf(content));
    }

    /// <summary>
    /// Reads the body and leaves <paramref name="content"/> readable for whoever comes next (a handler looking at a body
    /// the generated client then deserializes): the content is buffered first (a no-op when the pipeline's wire handler
    /// already did), so reading it does not consume it.
    /// </summary>
    /// <param name="content">The response content.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The body; dispose it.</returns>
    public static async Task<ResponseBody> PeekAsync(HttpContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content is Http.BufferedResponseContent pooled)
        {
            // The wire handler's buffer: copied into a buffer of the peek's own, so disposing either never frees the other.
            var source = pooled.Memory;
            var copy = ArrayPool<byte>.Shared.Rent(Math.Max(1, source.Length));
            source.CopyTo(copy);
            return new ResponseBody(copy, source.Length, EncodingOf(content));
        }

        await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);

        // Copied out of the content's buffer, not read from its stream: HttpContent caches that one stream, and
        // whoever reads next (the generated client) must find it untouched.
        var length = checked((int)(content.Headers.ContentLength ?? 0));
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
        try
        {
            using var target = new MemoryStream(buffer, 0, buffer.Length, writable: true);
            await content.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            return new ResponseBody(buffer, (int)target.Position, EncodingOf(content));
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>
    /// A serializer for <see cref="Deserialize{T}"/> built from a client's settings, with the same strictness as
    /// <c>JsonConvert.DeserializeObject</c> (content after the JSON value is an error). Json.NET serializers can be
    /// shared by concurrent deserializations as long as nobody changes their settings.
    /// </summary>
    /// <param name="settings">The client's serializer settings.</param>
    /// <returns>The serializer.</returns>
    public static JsonSerializer CreateSerializer(JsonSerializerSettings settings)
    {
        var serializer = JsonSerializer.Create(settings);
        serializer.CheckAdditionalContent = true;
        if (settings.ContractResolver is null || settings.ContractResolver.GetType() == typeof(Newtonsoft.Json.Serialization.DefaultContractResolver))
        {
            // Same contracts, plus unknown members reported as drift; a caller's own resolver is left alone.
            serializer.ContractResolver = SharedDriftResolver;
        }

        return serializer;
    }

    /// <summary>Deserializes the body with <paramref name="serializer"/>.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="serializer">A serializer from <see cref="CreateSerializer"/>.</param>
    /// <returns>The model; <see langword="default"/> for an empty body or JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">The body is not valid JSON for <typeparamref name="T"/>.</exception>
    public T? Deserialize<T>(JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(ResponseBody));
        var (encoding, skip) = DetectEncoding(buffer.AsSpan(0, _length), _encoding);
        var bytes = buffer.AsSpan(skip, _length - skip);
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, encoding.GetMaxCharCount(bytes.Length)));
        int count;
        try
        {
            count = encoding.GetChars(bytes, chars);
        }
        catch
        {
            ArrayPool<char>.Shared.Return(chars);
            throw;
        }

        using var text = new PooledCharReader(chars, count);
        using var reader = new JsonTextReader(text) { ArrayPool = JsonCharArrayPool.Instance };
        Drift.WireDrift.Attach(reader);
        return serializer.Deserialize<T>(reader);
    }

    /// <summary>
    /// Reads the body with <paramref name="reader"/> (System.Text.Json mirroring the client's Json.NET contract) when
    /// that is exact; <see langword="false"/> sends the caller to <see cref="Deserialize{T}"/>.
    /// </summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="reader">The client's mirror; <see langword="null"/> when its settings cannot be mirrored.</param>
    /// <param name="value">The model; <see langword="null"/> for JSON <c>null</c>.</param>
    /// <returns>Whether the body was read.</returns>
    public bool TryDeserialize<T>(MirroredSystemTextJsonReader? reader, out T? value)
    {
        value = default;
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(ResponseBody));
        if (reader is null)
        {
            return false;
        }

        // The same encoding rule as Deserialize (a byte order mark over the declared charset); only UTF-8 is mirrored.
        var (encoding, skip) = DetectEncoding(buffer.AsSpan(0, _length), _encoding);
        return encoding.CodePage == Encoding.UTF8.CodePage && reader.TryDeserialize(buffer.AsSpan(skip, _length - skip), out value);
    }

    /// <summary>
    /// The body as text, as <c>ReadAsStringAsync</c> gives it: charset from <c>Content-Type</c> (UTF-8 by default),
    /// overridden by a byte order mark, which is dropped.
    /// </summary>
    /// <returns>The text.</returns>
    public string GetString()
    {
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(ResponseBody));
        var (encoding, skip) = DetectEncoding(buffer.AsSpan(0, _length), _encoding);
        return encoding.GetString(buffer, skip, _length - skip);
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = null;
        _length = 0;
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A byte order mark wins over the declared charset (as in <c>ReadAsStringAsync</c> and <see cref="StreamReader"/>).</summary>
    private static (Encoding Encoding, int Skip) DetectEncoding(ReadOnlySpan<byte> bytes, Encoding declared)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8, 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return (Encoding.UTF32, 4);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: true), 4);
        }

        return (declared, 0);
    }

    private static Encoding EncodingOf(HttpContent content)
    {
        var charset = content.Headers.ContentType?.CharSet?.Trim('"');
        if (string.IsNullOrEmpty(charset))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            // ReadAsStringAsync fails on an unknown charset; a best-effort UTF-8 read keeps the body for the exception.
            return Encoding.UTF8;
        }
    }
}
