namespace Tessera.Core.Caching;

/// <summary>Where a client keeps its access or session tokens (configuration value of <c>TokenCache</c>).</summary>
public enum TokenCacheKind
{
    /// <summary>In this process only (default).</summary>
    Memory,

    /// <summary>
    /// A file shared by every process on the machine (<c>TokenCacheFile</c>): atomic writes, mode 0600, a lock for
    /// read-modify-write, optional AES-GCM (<c>TokenCacheEncryptionKey</c>).
    /// </summary>
    File,

    /// <summary>The registered <c>IDistributedCache</c> (Redis, SQL Server…), shared by every instance of the application.</summary>
    Distributed,
}
