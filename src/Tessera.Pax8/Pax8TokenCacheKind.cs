namespace Tessera.Pax8;

/// <summary>Where a <see cref="Pax8Client"/> keeps its access tokens.</summary>
public enum Pax8TokenCacheKind
{
    /// <summary>In process memory; each process fetches its own token.</summary>
    Memory = 0,

    /// <summary>A file shared by processes on one machine (atomic writes, 0600, optionally encrypted).</summary>
    File = 1,

    /// <summary>The registered <c>IDistributedCache</c> (Redis, SQL Server, …); DI only.</summary>
    Distributed = 2,
}
