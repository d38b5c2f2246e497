namespace Tessera.Core.Auth;

/// <summary>
/// Supplies valid access tokens to the HTTP pipeline.
/// </summary>
public interface IAccessTokenProvider
{
    /// <summary>Returns a token that is valid for at least a short while.</summary>
    /// <param name="cancellationToken">Cancels this caller's wait.</param>
    /// <returns>The token.</returns>
    ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Reports that the API rejected <paramref name="rejected"/>. The token is dropped only when it is still the
    /// current one, so many concurrent rejections of the same token cause a single refresh.
    /// </summary>
    /// <param name="rejected">The token the API rejected.</param>
    /// <param name="cancellationToken">Cancels the invalidation.</param>
    /// <returns>A task that completes when the token is dropped.</returns>
    ValueTask InvalidateAsync(AccessToken rejected, CancellationToken cancellationToken = default);
}
