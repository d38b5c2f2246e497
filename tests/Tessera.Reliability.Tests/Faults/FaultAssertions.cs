using System.Diagnostics;
using Tessera.Reliability.Tests.Infrastructure;
using Tessera.Core.Errors;

namespace Tessera.Reliability.Tests.Faults;

internal static class FaultAssertions
{
    /// <summary>Runs the read under a hard time limit and checks the outcome the fault case expects.</summary>
    public static async Task ReadAndCheckAsync(Harness harness, FaultCase fault, Func<int> attempts)
    {
        var before = attempts();
        var clock = Stopwatch.StartNew();
        Exception? failure = null;
        try
        {
            await harness.ReadAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(25), "no hang");
        if (fault.Expect == Expect.Success)
        {
            failure.ShouldBeNull($"{harness.Api} under {fault.Name} should succeed, got {failure}");
        }
        else
        {
            failure.ShouldNotBeNull($"{harness.Api} under {fault.Name} should fail");
            Outcomes.IsApiException(failure).ShouldBeTrue($"typed exception expected, got {failure}");
            var api = failure.ShouldBeAssignableTo<ApiException>()!;
            api.StatusCode.ShouldBe(fault.Status!.Value);
            api.Message.ShouldContain($"(HTTP {fault.Status})");
            if (fault.Excerpt is not null)
            {
                api.Message.ShouldContain(fault.Excerpt, Case.Sensitive, "the message carries a body excerpt");
            }
        }

        if (fault.Attempts > 0)
        {
            (attempts() - before).ShouldBe(fault.Attempts, $"attempts of {harness.Api} under {fault.Name}");
        }
    }
}
