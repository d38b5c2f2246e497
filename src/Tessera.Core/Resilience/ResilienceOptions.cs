namespace Tessera.Core.Resilience;

/// <summary>
/// A client's retries, timeouts and circuit breaker (section <c>{Api}:Resilience</c>). The clock is the client's
/// <see cref="Clients.ClientOptions.TimeProvider"/>.
/// </summary>
public sealed class ResilienceOptions
{
    /// <summary>How many times a failed request is retried (so at most this + 1 attempts). 0 disables retries. Defaults to 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The delay before the first retry; doubles with each further retry. Defaults to one second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest computed backoff delay. Defaults to 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether backoff delays are randomized so that many clients do not retry in lockstep. Defaults to true.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>The timeout of each attempt. <see cref="Timeout.InfiniteTimeSpan"/> disables it. Defaults to 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The timeout of the whole operation including retries and their delays. <see cref="Timeout.InfiniteTimeSpan"/>
    /// disables it. Defaults to two minutes.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The longest <c>Retry-After</c> the handler waits for. When the server asks for longer, the response is returned
    /// to the caller instead. Defaults to 60 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The failure ratio within the sampling duration that opens the circuit. Defaults to 0.5.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>How many attempts the sampling duration must contain before the circuit can open. Defaults to 20.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>The window over which the failure ratio is measured. Defaults to 30 seconds.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before a trial request is let through. Defaults to 15 seconds.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether the circuit breaker is used. Defaults to true.</summary>
    public bool EnableCircuitBreaker { get; set; } = true;
}
