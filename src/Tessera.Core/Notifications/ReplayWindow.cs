using System.Security.Cryptography;

namespace Tessera.Core.Notifications;

/// <summary>
/// Remembers the fingerprints of notifications seen during a window, so a redelivery or a captured-and-replayed
/// notification is handled once. Memory is bounded: at most <see cref="Capacity"/> fingerprints (32 bytes each) are
/// kept; past that the oldest are forgotten first. Thread-safe.
/// </summary>
public sealed class ReplayWindow
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Fingerprint, DateTimeOffset ExpiresAt)> _order = new();
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a window.</summary>
    /// <param name="window">How long a notification is remembered; <see cref="TimeSpan.Zero"/> remembers nothing.</param>
    /// <param name="capacity">The most fingerprints kept at once.</param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    public ReplayWindow(TimeSpan window, int capacity = 100_000, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Window = window;
        Capacity = capacity;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How long a notification is remembered.</summary>
    public TimeSpan Window { get; }

    /// <summary>The most fingerprints kept at once.</summary>
    public int Capacity { get; }

    /// <summary>How many fingerprints are remembered now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>The fingerprint of a notification: SHA-256 over its parts, each length-prefixed so that no two splits collide.</summary>
    /// <param name="parts">For example the topic and the raw body.</param>
    /// <returns>The fingerprint (hex).</returns>
    public static string Fingerprint(params ReadOnlySpan<ReadOnlyMemory<byte>> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var part in parts)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, part.Length);
            hash.AppendData(length);
            hash.AppendData(part.Span);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Records <paramref name="fingerprint"/>; <see langword="false"/> when it was already seen within the window.</summary>
    /// <param name="fingerprint">From <see cref="Fingerprint"/>.</param>
    /// <returns><see langword="true"/> the first time, <see langword="false"/> for a repeat.</returns>
    public bool TryRecord(string fingerprint)
    {
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        if (Window == TimeSpan.Zero)
        {
            return true;
        }

        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            // Every entry lives the same window, so the queue is in expiry order.
            while (_order.Count > 0 && (_order.Peek().ExpiresAt <= now || _order.Count >= Capacity))
            {
                _seen.Remove(_order.Dequeue().Fingerprint);
            }

            if (!_seen.Add(fingerprint))
            {
                return false;
            }

            _order.Enqueue((fingerprint, now + Window));
            return true;
        }
    }
}
