using Tessera.Reliability.Tests.Infrastructure;
using Tessera.Core.Errors;
using Tessera.Sandbox.Faults;
using Tessera.SmartPay;
using Xunit.Abstractions;

namespace Tessera.Reliability.Tests.Writes;

/// <summary>
/// Faults around every create operation: whatever happens on the wire, the sandbox records exactly one creation per
/// logical call when the request reached it, and none when it provably did not (never two).
/// </summary>
public sealed class ExactlyOnceTests(Faults.FaultFixture fixture, ITestOutputHelper output) : IClassFixture<Faults.FaultFixture>
{
    /// <summary>How a fault is injected, what the caller sees, and how many records the call may create.</summary>
    public sealed record Placement(string Name, Action<Harness, WriteOperation> Arm, bool Succeeds, int Created, int Attempts, int? Status = null);

    private static readonly Placement[] Placements =
    [
        // After the sandbox processed the create: the caller learns of a failure, and the create must not be repeated.
        new("503-after-processing", (h, w) => h.Faults.Add(w.Method, w.Path, SandboxFault.RespondAfterProcessing(503, """{"message":"gateway lost the answer"}""")), false, 1, 1, 503),
        new("502-after-processing", (h, w) => h.Script.On(w.Method, w.Path, ScriptedFault.StatusAfterProcessing(502)), false, 1, 1, 502),
        new("reset-mid-response-after-processing", (h, w) => h.Faults.Add(w.Method, w.Path, SandboxFault.ResetAfterProcessing()), false, 1, 1),
        new("scripted-reset-mid-response", (h, w) => h.Script.On(w.Method, w.Path, ScriptedFault.ResetMidResponse()), false, 1, 1),
        new("truncated-body-after-processing", (h, w) => h.Faults.Add(w.Method, w.Path, SandboxFault.TruncateAfterProcessing()), false, 1, 1, 200),

        // Before the sandbox saw it: provably not processed, so it may be resent, and yields exactly one.
        new("connection-refused-before", (h, w) => h.Script.On(w.Method, w.Path, ScriptedFault.RefuseConnection(), ScriptedFault.RefuseConnection()), true, 1, 3),
        new("429-before", (h, w) => h.Faults.Add(w.Method, w.Path, SandboxFault.Respond(429, "{}", headers: ("Retry-After", "0"))), true, 1, 2),

        // Before the sandbox saw it, but the client cannot know: not resent, so nothing is created (at most once).
        new("503-before", (h, w) => h.Faults.Add(w.Method, w.Path, SandboxFault.Respond(503, """{"message":"maintenance"}""")), false, 0, 1, 503),
        new("reset-before", (h, w) => h.Faults.Add(w.Method, w.Path, SandboxFault.ResetBeforeProcessing()), false, 0, 1),
    ];

    public static TheoryData<Api, string, string> Cases()
    {
        var data = new TheoryData<Api, string, string>();
        var operations = new Dictionary<Api, string[]>
        {
            [Api.Pax8] = ["createCompany", "createOrder"],
            [Api.SmartPay] = ["create_consumer", "create_webhook"],
            [Api.Smartex] = ["createInvoice", "createToken"],
        };
        foreach (var (api, names) in operations)
        {
            foreach (var name in names)
            {
                foreach (var placement in Placements)
                {
                    data.Add(api, name, placement.Name);
                }
            }
        }

        return data;
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Cases))]
    public async Task A_create_is_recorded_exactly_once_per_logical_call(Api api, string operation, string placementName)
    {
        var harness = fixture[api];
        var write = harness.Writes().Single(w => w.Name == operation);
        await DeleteWebhooksAsync(harness, operation);
        var placement = Placements.Single(p => p.Name == placementName);
        var before = write.Created();
        var attemptsBefore = harness.Script.AttemptsTo(write.Method, write.Path);

        placement.Arm(harness, write);
        Exception? failure = null;
        try
        {
            await write.Call(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        output.WriteLine($"{api} {operation} under {placementName}: {(failure is null ? "success" : failure.GetType().Name)}; created {write.Created() - before}");
        (write.Created() - before).ShouldBe(placement.Created, $"{operation} under {placementName} (failure: {failure})");
        (harness.Script.AttemptsTo(write.Method, write.Path) - attemptsBefore).ShouldBe(placement.Attempts, "attempts on the wire");
        if (placement.Succeeds)
        {
            failure.ShouldBeNull();
        }
        else
        {
            failure.ShouldNotBeNull();
            Outcomes.IsTyped(failure).ShouldBeTrue($"typed exception expected, got {failure}");
            if (placement.Status is { } status)
            {
                failure.ShouldBeAssignableTo<ApiException>()!.StatusCode.ShouldBe(status);
            }
        }

        // The API is still usable afterwards, and a plain retry by the caller creates exactly one more.
        harness.Faults.Clear();
        await DeleteWebhooksAsync(harness, operation);
        var afterFault = write.Created();
        await write.Call(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        (write.Created() - afterFault).ShouldBe(1);
    }

    /// <summary>SmartPay allows one webhook per topic: the previous case's webhook goes before the next create.</summary>
    private static async Task DeleteWebhooksAsync(Harness harness, string operation)
    {
        if (operation != "create_webhook")
        {
            return;
        }

        foreach (var webhook in (await harness.SmartPay!.GetWebhooksAsync(new GetWebhooksRequest())).Result ?? [])
        {
            await harness.SmartPay.DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = webhook.WebhookId });
        }
    }
}
