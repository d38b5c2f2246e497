using System.Buffers;

namespace Tessera.Core.Serialization;

/// <summary>
/// A <see cref="TextReader"/> over characters in a pooled array: what <see cref="ResponseBody"/> hands Json.NET instead
/// of a <see cref="StreamReader"/>, whose own byte and character buffers (3 KB) would dominate a small response.
/// </summary>
internal sealed class PooledCharReader : TextReader
{
    private char[]? _chars;
    private readonly int _length;
    private int _position;

    public PooledCharReader(char[] chars, int length)
    {
        _chars = chars;
        _length = length;
    }

    public override int Peek() => _position < _length ? Chars[_position] : -1;

    public override int Read() => _position < _length ? Chars[_position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var count = Math.Min(buffer.Length, _length - _position);
        Chars.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        var chars = _chars;
        _chars = null;
        if (chars is not null)
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        base.Dispose(disposing);
    }

    private char[] Chars => _chars ?? throw new ObjectDisposedException(nameof(PooledCharReader));
}
