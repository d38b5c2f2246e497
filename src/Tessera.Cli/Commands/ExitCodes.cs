namespace Tessera.Cli.Commands;

/// <summary>The exit codes of every command (documented in the README).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int ApiError = 1;
    public const int InvalidInput = 2;
    public const int AuthenticationFailed = 3;
    public const int Cancelled = 130;
}
