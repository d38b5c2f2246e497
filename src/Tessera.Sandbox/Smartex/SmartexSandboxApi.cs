using Tessera.Sandbox.Hosting;

namespace Tessera.Sandbox.Smartex;

/// <summary>
/// The Smartex API under <c>/smartex/</c>, written from specs/smartex.yaml (it references no client: the signature
/// check is <see cref="SmartexCrypto"/>, from the algorithm of the reference §2).
/// <para>Routes (the spec's paths under <c>/smartex</c>; signed = <c>X-Identity</c> + <c>X-Signature</c>):</para>
/// <list type="bullet">
/// <item><c>POST /tokens</c> (unsigned): pair a SIN with a dashboard <c>pairingCode</c>, or request a <c>facade</c>
/// token (pending until approved); <c>GET /tokens</c> (signed): the signer's active tokens.</item>
/// <item><c>POST /invoices</c> (signed, pos or merchant), <c>GET /invoices</c> (signed, merchant; dateStart, dateEnd,
/// status, orderId, limit, offset), <c>GET /invoices/{id}</c> (unsigned public view, or signed with a merchant
/// token for the full view).</item>
/// <item><c>GET/POST /invoices/{id}/refunds</c> (signed, with the invoice's own resource token): its refund requests;
/// a new one for a paid invoice.</item>
/// <item><c>POST/GET /bills</c>, <c>GET/PUT /bills/{id}</c>, <c>POST /bills/{id}/deliveries</c> (signed, merchant;
/// deliveries also take the bill's resource token), <c>GET /ledgers</c> (signed, merchant).</item>
/// <item><c>GET /rates</c>, <c>GET /currencies</c> (unsigned).</item>
/// </list>
/// <para>Sandbox-only routes (not in the spec; stand-ins for the merchant dashboard and the blockchain):</para>
/// <list type="bullet">
/// <item><c>GET /smartex/api-access-request?pairingCode=XXXXXXX</c>: approves a client-initiated pairing (the
/// approval URL clients print) and answers a small HTML page.</item>
/// <item><c>POST /smartex/_sandbox/pairing-codes</c> <c>{"facade": "pos"|"merchant"}</c>: issues a dashboard pairing
/// code for server-initiated pairing; answers <c>{"data": {pairingCode, facade, pairingExpiration}}</c>.</item>
/// <item><c>POST /smartex/_sandbox/invoices/{id}/pay|confirm|complete</c>: moves an invoice
/// <c>new → paid → confirmed → complete</c>, sends its IPN, answers <c>{"data": invoice}</c> (404 unknown, 409 wrong
/// status).</item>
/// <item><c>GET /smartex/invoice?id=…</c>: the hosted invoice page an invoice's <c>url</c> points to.</item>
/// </list>
/// </summary>
internal sealed class SmartexSandboxApi : ISandboxApi
{
    public PathString Prefix => "/smartex";

    public void Register(IServiceCollection services, SandboxOptions options)
    {
        var smartex = options.Smartex ?? new SmartexSandboxOptions();
        if (smartex.InvoiceCount < 0 || smartex.InvoiceLifetime <= TimeSpan.Zero || smartex.PairingCodeLifetime <= TimeSpan.Zero || smartex.IpnTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Smartex.InvoiceCount must not be negative; InvoiceLifetime, PairingCodeLifetime and IpnTimeout must be positive.", nameof(options));
        }

        if (smartex.PublicBaseUrl is { IsAbsoluteUri: false })
        {
            throw new ArgumentException("Smartex.PublicBaseUrl must be an absolute URL.", nameof(options));
        }

        var store = new SmartexStore(options, smartex);
        SmartexSeedData.Seed(store);
        services.AddSingleton(store);
        services.AddSingleton(provider => new SmartexLifecycle(provider.GetRequiredService<SmartexStore>()));
        services.AddSingleton(provider => new SmartexSandboxState(store, provider.GetRequiredService<SmartexLifecycle>()));
        services.AddSingleton(provider => new SmartexEndpoints(store, provider.GetRequiredService<SmartexLifecycle>(), Prefix.Value!));
        services.AddSingleton(new SmartexAuthentication(store, Prefix));
    }

    public void Map(WebApplication app)
    {
        var lifecycle = app.Services.GetRequiredService<SmartexLifecycle>();
        var authentication = app.Services.GetRequiredService<SmartexAuthentication>();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase),
            branch =>
            {
                branch.Use(HandleErrorsAsync);
                branch.Use(async (context, next) =>
                {
                    var store = context.RequestServices.GetRequiredService<SmartexStore>();
                    lock (store.Sync)
                    {
                        store.OwnBase = store.Options.PublicBaseUrl is { } publicBase
                            ? publicBase.AbsoluteUri.TrimEnd('/')
                            : context.Request.Scheme + "://" + context.Request.Host.Value + Prefix.Value;
                    }

                    await lifecycle.ApplyClockAsync(context.RequestAborted).ConfigureAwait(false);
                    await next(context).ConfigureAwait(false);
                });
                branch.Use(authentication.InvokeAsync);
            });
        app.Services.GetRequiredService<SmartexEndpoints>().Map(app);
    }

    /// <summary>
    /// Turns failures into the spec's <c>ErrorResponse</c> (<c>{"error": "…"}</c>): errors raised by the gate and the
    /// handlers, malformed requests, unknown routes (404) and wrong methods (405), and unexpected exceptions (500).
    /// </summary>
    private static async Task HandleErrorsAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (SmartexErrorException exception) when (!context.Response.HasStarted)
        {
            await SmartexErrors.WriteAsync(context, exception.Status, exception.Message).ConfigureAwait(false);
            return;
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            await SmartexErrors.WriteAsync(context, exception.StatusCode, exception.Message).ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (!context.Response.HasStarted && exception is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Sandbox error on " + context.Request.Method + " " + context.Request.Path + ": " + exception).ConfigureAwait(false);
            await SmartexErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, "Internal Server Error").ConfigureAwait(false);
            return;
        }

        if (!context.Response.HasStarted && context.Response.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed
            && context.Response.ContentType is null)
        {
            var message = context.Response.StatusCode == StatusCodes.Status404NotFound
                ? "No endpoint " + context.Request.Method + " " + context.Request.Path
                : "Method " + context.Request.Method + " is not supported on " + context.Request.Path;
            await SmartexErrors.WriteAsync(context, context.Response.StatusCode, message).ConfigureAwait(false);
        }
    }
}
