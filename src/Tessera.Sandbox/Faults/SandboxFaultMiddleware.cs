namespace Tessera.Sandbox.Faults;

/// <summary>Plays the faults of <see cref="SandboxFaults"/> in front of every API of the sandbox.</summary>
internal static class SandboxFaultMiddleware
{
    public static void Use(WebApplication app, SandboxFaults? faults)
    {
        if (faults is null)
        {
            return;
        }

        app.Use((context, next) => faults.RecordTraffic ? RecordAsync(context, next, faults) : next(context));
        app.Use((context, next) => faults.TryTake(context.Request.Method, context.Request.Path.Value ?? "/", out var fault)
            ? PlayAsync(context, next, fault)
            : next(context));
    }

    private static async Task RecordAsync(HttpContext context, RequestDelegate next, SandboxFaults faults)
    {
        context.Request.EnableBuffering();
        string requestBody;
        using (var reader = new StreamReader(context.Request.Body, leaveOpen: true))
        {
            requestBody = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        context.Request.Body.Position = 0;
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
            var responseBody = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            faults.Record(new SandboxExchange(
                context.Request.Method,
                context.Request.Path.Value + context.Request.QueryString.Value,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                requestBody,
                context.Response.StatusCode,
                responseBody));
        }

        buffer.Position = 0;
        if (buffer.Length > 0 && !context.RequestAborted.IsCancellationRequested)
        {
            await buffer.CopyToAsync(original, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task PlayAsync(HttpContext context, RequestDelegate next, SandboxFault fault)
    {
        switch (fault.Kind)
        {
            case SandboxFaultKind.Respond:
                await WriteAsync(context, fault).ConfigureAwait(false);
                return;
            case SandboxFaultKind.ResetBeforeProcessing:
                context.Abort();
                return;
            case SandboxFaultKind.Delay:
                try
                {
                    await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up: the request is never processed.
                    return;
                }

                await next(context).ConfigureAwait(false);
                return;
        }

        // The API processes the request into a buffer; the fault decides what the client gets.
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        switch (fault.Kind)
        {
            case SandboxFaultKind.ResetAfterProcessing:
                // Headers and part of the body go out, then the connection drops: a reset mid-response.
                if (buffer.Length > 1)
                {
                    context.Response.ContentLength = buffer.Length;
                    await context.Response.Body.WriteAsync(buffer.ToArray().AsMemory(0, (int)(buffer.Length / 2)), context.RequestAborted).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                }

                context.Abort();
                return;
            case SandboxFaultKind.RespondAfterProcessing:
                context.Response.Clear();
                await WriteAsync(context, fault).ConfigureAwait(false);
                return;
            default:
                var half = buffer.ToArray().AsMemory(0, (int)(buffer.Length / 2));
                context.Response.ContentLength = half.Length;
                await context.Response.Body.WriteAsync(half, context.RequestAborted).ConfigureAwait(false);
                return;
        }
    }

    private static async Task WriteAsync(HttpContext context, SandboxFault fault)
    {
        context.Response.StatusCode = fault.StatusCode;
        foreach (var (name, value) in fault.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (!string.IsNullOrEmpty(fault.Body))
        {
            context.Response.ContentType = fault.ContentType;
            var bytes = System.Text.Encoding.UTF8.GetBytes(fault.Body);
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            context.Response.ContentLength = 0;
        }

    }
}
