using Tessera.Core.Errors;

namespace Tessera.Smartex.Tokens;

/// <summary>
/// An operation needs a facade token (<c>pos</c> or <c>merchant</c>) that this client's identity has not been paired
/// with. Nothing was sent (<see cref="ApiException.StatusCode"/> 0).
/// </summary>
public sealed class SmartexNotPairedException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public SmartexNotPairedException()
        : base("The Smartex identity is not paired with the facade token the operation needs.", null)
    {
        Facades = [];
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public SmartexNotPairedException(string message)
        : base(message, null)
    {
        Facades = [];
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public SmartexNotPairedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Facades = [];
    }

    internal SmartexNotPairedException(string operationId, IReadOnlyList<string> facades, string sin)
        : base(BuildMessage(operationId, facades, sin), null)
    {
        OperationId = operationId;
        Facades = facades;
    }

    /// <summary>The operation that was attempted.</summary>
    public string? OperationId { get; }

    /// <summary>The facades whose token would have worked, preferred first.</summary>
    public IReadOnlyList<string> Facades { get; }

    private static string BuildMessage(string operationId, IReadOnlyList<string> facades, string sin) =>
        $"The Smartex operation '{operationId}' needs a {string.Join(" or ", facades)} facade token, but identity {sin} is not paired with one. " +
        $"Pair it first: either generate a pairing code on the Smartex dashboard (API tokens) for the '{facades[0]}' facade and call " +
        $"SmartexPairing.PairWithCodeAsync(code), or call SmartexPairing.RequestTokenAsync(\"{facades[0]}\") and have the merchant approve " +
        "the returned approval URL.";
}
