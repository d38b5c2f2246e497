namespace Tessera.Sandbox.Faults;

/// <summary>What the sandbox does instead of (or after) serving a request that matches a fault rule.</summary>
public enum SandboxFaultKind
{
    /// <summary>Answers with the configured status, headers and body; the API never sees the request.</summary>
    Respond,

    /// <summary>Lets the API process the request, discards its answer and responds with the configured status and body instead.</summary>
    RespondAfterProcessing,

    /// <summary>Aborts the connection before the API sees the request (a reset with no response).</summary>
    ResetBeforeProcessing,

    /// <summary>Lets the API process the request, sends the headers and half of its body, then aborts the connection (a reset mid-response).</summary>
    ResetAfterProcessing,

    /// <summary>Waits for <see cref="SandboxFault.Delay"/> before the API sees the request (a slow server); a client that gives up first cancels it.</summary>
    Delay,

    /// <summary>Lets the API process the request and sends only the first half of its body (truncated JSON).</summary>
    TruncateAfterProcessing,
}
