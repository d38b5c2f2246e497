namespace Tessera.Sandbox.Faults;

/// <summary>
/// Fault injection for a sandbox (<see cref="SandboxOptions.Faults"/>): rules that, for requests matching a method
/// and path, play a sequence of faults (one per matching request, in order) before letting requests through again.
/// Rules may be added while the sandbox runs. Thread-safe.
/// </summary>
public sealed class SandboxFaults
{
    private readonly Lock sync = new();
    private readonly List<Rule> rules = [];
    private readonly List<(string Method, string Path, SandboxFaultKind Kind)> injected = [];
    private readonly List<SandboxExchange> traffic = [];
    private volatile bool armed;
    private volatile bool recordTraffic;

    /// <summary>
    /// Whether every exchange is recorded in <see cref="Traffic"/> (unredacted: for tests only). Off by default; it
    /// buffers every request and response.
    /// </summary>
    public bool RecordTraffic
    {
        get => recordTraffic;
        set => recordTraffic = value;
    }

    /// <summary>The exchanges recorded while <see cref="RecordTraffic"/> was on, in completion order.</summary>
    public IReadOnlyList<SandboxExchange> Traffic
    {
        get
        {
            lock (sync)
            {
                return [.. traffic];
            }
        }
    }

    /// <summary>
    /// Plays <paramref name="faults"/>, one per request, on requests with <paramref name="method"/> (<c>*</c> for any) to
    /// <paramref name="path"/> (the full path, e.g. <c>/pax8/v1/orders</c>; a trailing <c>*</c> matches a prefix).
    /// </summary>
    /// <param name="method">The HTTP method, or <c>*</c>.</param>
    /// <param name="path">The path or path prefix ending in <c>*</c>, compared without regard to case.</param>
    /// <param name="faults">The faults, in order.</param>
    /// <returns>This instance.</returns>
    public SandboxFaults Add(string method, string path, params SandboxFault[] faults)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(faults);
        lock (sync)
        {
            rules.Add(new Rule(method, path, new Queue<SandboxFault>(faults)));
            armed = true;
        }

        return this;
    }

    /// <summary>Removes every rule that has not played yet.</summary>
    public void Clear()
    {
        lock (sync)
        {
            rules.Clear();
            armed = false;
        }
    }

    /// <summary>Faults played so far, in order.</summary>
    public IReadOnlyList<(string Method, string Path, SandboxFaultKind Kind)> Injected
    {
        get
        {
            lock (sync)
            {
                return [.. injected];
            }
        }
    }

    /// <summary>Faults not played yet.</summary>
    public int Pending
    {
        get
        {
            lock (sync)
            {
                return rules.Sum(rule => rule.Faults.Count);
            }
        }
    }

    internal void Record(SandboxExchange exchange)
    {
        lock (sync)
        {
            traffic.Add(exchange);
        }
    }

    /// <summary>Takes the next fault for the request, if a rule matches.</summary>
    internal bool TryTake(string method, string path, out SandboxFault fault)
    {
        fault = null!;
        if (!armed)
        {
            return false;
        }

        lock (sync)
        {
            foreach (var rule in rules)
            {
                if (rule.Faults.Count > 0 && rule.Matches(method, path))
                {
                    fault = rule.Faults.Dequeue();
                    injected.Add((method, path, fault.Kind));
                    armed = rules.Exists(r => r.Faults.Count > 0);
                    return true;
                }
            }
        }

        return false;
    }

    private sealed record Rule(string Method, string Path, Queue<SandboxFault> Faults)
    {
        public bool Matches(string method, string path)
        {
            if (Method != "*" && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return Path.EndsWith('*')
                ? path.StartsWith(Path[..^1], StringComparison.OrdinalIgnoreCase)
                : string.Equals(Path.TrimEnd('/'), path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
        }
    }
}
