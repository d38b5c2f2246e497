namespace Tessera.SmartPay;

/// <summary>Where a <see cref="SmartPayClient"/> keeps its session tokens.</summary>
public enum SmartPayTokenCacheKind
{
    /// <summary>In process memory; each process authenticates on its own.</summary>
    Memory = 0,

    /// <summary>A file shared by processes on one machine (atomic writes, 0600, optionally encrypted).</summary>
    File = 1,

    /// <summary>The registered <c>IDistributedCache</c> (Redis, SQL Server, …); DI only.</summary>
    Distributed = 2,
}
