using System.Globalization;
using StackExchange.Redis;

namespace Tessera.Redis;

/// <summary>How <see cref="RedisSharedState"/> reaches Redis and how it behaves while Redis is unreachable.</summary>
public sealed class RedisSharedStateOptions
{
    /// <summary>A StackExchange.Redis configuration string, for example <c>redis:6379,password=…,ssl=true</c>. Secret when it holds a password.</summary>
    public string? Configuration { get; set; }

    /// <summary>Configuration as an object, instead of <see cref="Configuration"/>.</summary>
    public ConfigurationOptions? ConfigurationOptions { get; set; }

    /// <summary>
    /// A connection the application already has, instead of <see cref="Configuration"/>; it is not disposed with the
    /// shared state. Configure it with <c>AbortOnConnectFail=false</c> and <c>BacklogPolicy.FailFast</c>, as
    /// <see cref="RedisSharedState"/> does for the connections it opens, so that a call never waits for a reconnect.
    /// </summary>
    public IConnectionMultiplexer? Connection { get; set; }

    /// <summary>Prepended to every key (budgets, tokens, locks). Default <c>tessera:</c>.</summary>
    public string KeyPrefix { get; set; } = "tessera:";

    /// <summary>
    /// How many instances share each credential. Required: while Redis is unreachable each instance keeps to
    /// <c>RequestsPerMinute / ExpectedInstances</c> (at least 1) over the same sliding minute, counting what it spent
    /// through Redis before, so the instances together stay near the budget.
    /// </summary>
    public int ExpectedInstances { get; set; }

    /// <summary>The longest one Redis command may take before this instance treats Redis as unreachable. Default one second.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>After a failure, how long Redis is left alone before it is tried again (unless the connection reports it is back). Default one second.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long one instance may hold the right to acquire a token (it is released as soon as the token is cached);
    /// the others wait at most this long, then acquire on their own. Default ten seconds.
    /// </summary>
    public TimeSpan TokenLockTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">An option is missing or out of range; the message names it.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        var sources = (string.IsNullOrWhiteSpace(Configuration) ? 0 : 1) + (ConfigurationOptions is null ? 0 : 1) + (Connection is null ? 0 : 1);
        if (sources != 1)
        {
            problems.Add("set exactly one of Configuration, ConfigurationOptions or Connection");
        }

        if (ExpectedInstances < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"ExpectedInstances must be the number of instances sharing a credential, at least 1 (got {ExpectedInstances}); it sets each instance's share of the budget while Redis is unreachable"));
        }

        if (KeyPrefix is null)
        {
            problems.Add("KeyPrefix is required (it may be empty)");
        }

        if (OperationTimeout <= TimeSpan.Zero || RetryInterval <= TimeSpan.Zero || TokenLockTimeout <= TimeSpan.Zero)
        {
            problems.Add("OperationTimeout, RetryInterval and TokenLockTimeout must be positive");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid Redis shared state options: {string.Join("; ", problems)}.");
        }
    }
}
