using System.Threading.RateLimiting;

namespace Tessera.Core.Resilience;

/// <summary>
/// Charges the requests made in the current asynchronous flow to a budget of their own instead of the client's shared
/// rate limit, so that work driven by outsiders (confirming an unsigned notification) can never delay or starve the
/// application's own calls.
/// </summary>
/// <remarks>
/// <see cref="RateLimitingHandler"/> takes the lease from the scope's limiter while the scope is active. Give that
/// limiter no queue (<c>QueueLimit = 0</c>) so that an exhausted budget fails at once with
/// <see cref="Errors.RateLimitExceededException"/> rather than waiting.
/// </remarks>
public static class RateLimitScope
{
    private static readonly AsyncLocal<RateLimiter?> CurrentBudget = new();

    /// <summary>The limiter requests in this flow are charged to, or <see langword="null"/> for the client's shared one.</summary>
    public static RateLimiter? Current => CurrentBudget.Value;

    /// <summary>Charges the requests made until the returned scope is disposed to <paramref name="budget"/>.</summary>
    /// <param name="budget">The budget; it replaces the client's shared limiter for these requests.</param>
    /// <returns>Dispose to restore the previous budget.</returns>
    public static Scope Use(RateLimiter budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var previous = CurrentBudget.Value;
        CurrentBudget.Value = budget;
        return new Scope(previous);
    }

    /// <summary>Restores the budget that was active before <see cref="Use"/>.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly RateLimiter? _previous;

        internal Scope(RateLimiter? previous) => _previous = previous;

        /// <summary>Restores the previous budget.</summary>
        public void Dispose() => CurrentBudget.Value = _previous;
    }
}
