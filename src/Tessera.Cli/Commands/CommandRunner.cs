using Tessera.Cli.Output;
using Tessera.Pax8;
using Tessera.Core.Errors;
using Tessera.Smartex;
using Tessera.Smartex.Tokens;
using Tessera.SmartPay;

namespace Tessera.Cli.Commands;

/// <summary>Runs a command body and turns every failure into one line on stderr and a documented exit code.</summary>
internal static class CommandRunner
{
    /// <param name="token">The command's cancellation.</param>
    /// <param name="body">The command.</param>
    /// <param name="verbose">With <c>--verbose</c>, a failed call's response body follows the error line (redacted).</param>
    public static async Task<int> RunAsync(CancellationToken token, Func<Task> body, bool verbose = false)
    {
        try
        {
            await body();
            return ExitCodes.Success;
        }
        catch (Exception exception) when (exception is CliInputException or ArgumentException or IOException or UnauthorizedAccessException
            or Tessera.Core.Clients.ClientConfigurationException)
        {
            CliOutput.Error(exception.Message);
            return ExitCodes.InvalidInput;
        }
        catch (Exception exception) when (exception is Pax8AuthenticationException or SmartPayAuthenticationException or SmartexNotPairedException)
        {
            CliOutput.Error(exception.Message);
            return ExitCodes.AuthenticationFailed;
        }
        catch (ApiConnectionException exception)
        {
            CliOutput.Error($"could not reach the API: {exception.Message}");
            return ExitCodes.ApiError;
        }
        catch (ApiException exception) when (exception.StatusCode == 0)
        {
            // No response: a timeout, an open circuit, the rate limit or a refused resend; the message says which.
            CliOutput.Error(exception.Message);
            return ExitCodes.ApiError;
        }
        catch (ApiException exception)
        {
            CliOutput.Error(Describe(exception));
            if (verbose)
            {
                CliOutput.ResponseBody(exception);
            }

            return ExitCodes.ApiError;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            CliOutput.Error("cancelled");
            return ExitCodes.Cancelled;
        }
    }

    private static string Describe(ApiException exception)
    {
        if (exception is ResponseReadException unreadable)
        {
            // The operation, the JSON path, the expected type and what came (redacted) are all in the message.
            return unreadable.Message;
        }

        var vendor = exception switch
        {
            { Error: Tessera.Pax8.Pax8Error error } => $" {error.Type}: {error.Message}",
            SmartPayApiException { Errors.Count: > 0 } smartPay => " " + string.Join("; ", smartPay.Errors.Select(e => $"{e.Key}: {e.Value}")),
            SmartexErrorException smartex => $" {smartex.ErrorType}: {smartex.ErrorMessage}".TrimEnd(' ', ':'),
            _ => null,
        };

        // Without a vendor error (an unreadable or unexpected body), the message says what could not be read and
        // quotes a redacted excerpt of the body.
        var detail = vendor is null ? " " + exception.Message : vendor + (exception.Request is null ? string.Empty : $" [{exception.Request}]");
        return $"HTTP {exception.StatusCode}{detail}" + (exception.RequestId is null ? string.Empty : $" (request id {exception.RequestId})");
    }
}
