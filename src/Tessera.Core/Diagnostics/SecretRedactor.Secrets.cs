using System.Buffers;
using System.Text;
using Newtonsoft.Json;

namespace Tessera.Core.Diagnostics;

/// <content>The registered secret values: bounded, expiring, matched all at once.</content>
public sealed partial class SecretRedactor
{
    /// <summary>
    /// The live secrets and an immutable matcher over all their encoded forms. Writers (rare: a token per hour, a
    /// configured secret at start) take a lock and mark the matcher stale; readers use the current matcher without
    /// locking and rebuild it only after a change or when the earliest secret has expired.
    /// </summary>
    private sealed class SecretSet
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
        private readonly int _capacity;
        private volatile Matcher _matcher = Matcher.Empty;
        private volatile bool _stale;

        public SecretSet(TimeProvider clock, int capacity)
        {
            Clock = clock;
            _capacity = capacity;
        }

        public TimeProvider Clock { get; }

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    Prune(Clock.GetUtcNow());
                    return _entries.Count;
                }
            }
        }

        public void Add(string value, DateTimeOffset? expiresAt)
        {
            lock (_gate)
            {
                var holders = expiresAt is null ? 1 : 0;
                if (_entries.TryGetValue(value, out var existing))
                {
                    // A permanent registration stays permanent (counted, so each holder removes its own); an
                    // expiring one keeps the later expiry.
                    var merged = existing.ExpiresAt is null || expiresAt is null ? null
                        : existing.ExpiresAt > expiresAt ? existing.ExpiresAt : expiresAt;
                    _entries[value] = existing with { ExpiresAt = merged, Holders = existing.Holders + holders };
                }
                else
                {
                    _entries[value] = new Entry(EncodedForms(value), expiresAt, holders);
                }

                Prune(Clock.GetUtcNow());
                if (_entries.Count > _capacity)
                {
                    Evict(_entries.Count - _capacity);
                }

                _stale = true;
            }
        }

        public void Remove(string value)
        {
            lock (_gate)
            {
                if (_entries.TryGetValue(value, out var entry))
                {
                    if (entry.Holders > 1)
                    {
                        _entries[value] = entry with { Holders = entry.Holders - 1 };
                    }
                    else
                    {
                        _entries.Remove(value);
                        _stale = true;
                    }
                }
            }
        }

        public Matcher Current()
        {
            var matcher = _matcher;
            if (!_stale && (matcher.NextExpiry is not { } next || next > Clock.GetUtcNow()))
            {
                return matcher;
            }

            lock (_gate)
            {
                var now = Clock.GetUtcNow();
                if (_stale || _matcher.NextExpiry <= now)
                {
                    Prune(now);
                    _matcher = Matcher.Create(_entries.Values);
                    _stale = false;
                }

                return _matcher;
            }
        }

        private void Prune(DateTimeOffset now)
        {
            List<string>? expired = null;
            foreach (var (value, entry) in _entries)
            {
                if (entry.ExpiresAt <= now)
                {
                    (expired ??= []).Add(value);
                }
            }

            if (expired is null)
            {
                return;
            }

            foreach (var value in expired)
            {
                _entries.Remove(value);
            }

            _stale = true;
        }

        // Over capacity: drop the expiring secrets closest to their expiry; configured (permanent) ones are kept.
        // Usually one over: a linear scan per victim, no sorting.
        private void Evict(int count)
        {
            for (var i = 0; i < count; i++)
            {
                string? victim = null;
                DateTimeOffset? earliest = null;
                foreach (var (value, entry) in _entries)
                {
                    if (entry.ExpiresAt is { } expiresAt && (earliest is null || expiresAt < earliest))
                    {
                        victim = value;
                        earliest = expiresAt;
                    }
                }

                if (victim is null)
                {
                    return;
                }

                _entries.Remove(victim);
            }
        }

        // Secrets also travel URL- or form-encoded, and escaped inside JSON strings (by Newtonsoft.Json, which escapes
        // quotes, backslashes and control characters, and by System.Text.Json, which also escapes HTML-sensitive and
        // non-ASCII characters as \uXXXX, and by serializers that escape '/').
        private static string[] EncodedForms(string value)
        {
            var url = Uri.EscapeDataString(value);
            var newtonsoft = JsonConvert.ToString(value)[1..^1];
            return new HashSet<string>(StringComparer.Ordinal)
            {
                value,
                url,
                url.Replace("%20", "+", StringComparison.Ordinal),
                newtonsoft,
                newtonsoft.Replace("/", "\\/", StringComparison.Ordinal),
                System.Text.Json.JsonSerializer.Serialize(value)[1..^1],
            }.Where(form => form.Length >= MinimumSecretLength).ToArray();
        }
    }

    private readonly record struct Entry(string[] Forms, DateTimeOffset? ExpiresAt, int Holders);

    /// <summary>Finds every form of every secret in one pass (<see cref="SearchValues{T}"/> of strings).</summary>
    private sealed class Matcher
    {
        public static readonly Matcher Empty = new(null, new Dictionary<char, string[]>(), null);

        private readonly SearchValues<string>? _search;
        private readonly Dictionary<char, string[]> _byFirstChar;

        private Matcher(SearchValues<string>? search, Dictionary<char, string[]> byFirstChar, DateTimeOffset? nextExpiry)
        {
            _search = search;
            _byFirstChar = byFirstChar;
            NextExpiry = nextExpiry;
        }

        /// <summary>When the earliest expiring secret expires: the matcher is rebuilt then.</summary>
        public DateTimeOffset? NextExpiry { get; }

        public static Matcher Create(IEnumerable<Entry> entries)
        {
            var forms = new HashSet<string>(StringComparer.Ordinal);
            DateTimeOffset? next = null;
            foreach (var entry in entries)
            {
                forms.UnionWith(entry.Forms);
                if (entry.ExpiresAt is { } expiresAt && (next is null || expiresAt < next))
                {
                    next = expiresAt;
                }
            }

            if (forms.Count == 0)
            {
                return new Matcher(null, new Dictionary<char, string[]>(), next);
            }

            // Longest first at each starting character, so a secret that contains another is removed whole.
            var byFirstChar = forms.GroupBy(form => form[0])
                .ToDictionary(group => group.Key, group => group.OrderByDescending(form => form.Length).ToArray());
            return new Matcher(SearchValues.Create([.. forms], StringComparison.Ordinal), byFirstChar, next);
        }

        public string Replace(string text, string placeholder)
        {
            if (_search is null)
            {
                return text;
            }

            var span = text.AsSpan();
            var found = span.IndexOfAny(_search);
            if (found < 0)
            {
                return text;
            }

            var builder = new StringBuilder(text.Length);
            var copied = 0;
            while (found >= 0)
            {
                var at = copied + found;
                var length = MatchLength(span[at..]);
                builder.Append(span[copied..at]).Append(placeholder);
                copied = at + length;
                found = span[copied..].IndexOfAny(_search);
            }

            return builder.Append(span[copied..]).ToString();
        }

        private int MatchLength(ReadOnlySpan<char> text)
        {
            foreach (var form in _byFirstChar[text[0]])
            {
                if (text.StartsWith(form, StringComparison.Ordinal))
                {
                    return form.Length;
                }
            }

            return 1; // unreachable: the search only stops where a form starts
        }
    }
}
