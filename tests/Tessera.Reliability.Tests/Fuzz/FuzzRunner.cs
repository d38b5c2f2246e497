using System.Net;
using Tessera.Reliability.Tests.Infrastructure;

namespace Tessera.Reliability.Tests.Fuzz;

/// <summary>The result of fuzzing one API.</summary>
public sealed record FuzzReport(string Api, int Payloads, int Operations, int Successes, int TypedFailures, IReadOnlyDictionary<string, int> ByMutation, IReadOnlyList<string> Untyped)
{
    public override string ToString() =>
        $"{Api}: {Payloads} mutated payloads over {Operations} operations: {Successes} read successfully, {TypedFailures} typed exceptions, {Untyped.Count} other outcomes"
        + $" (mutations: {string.Join(", ", ByMutation.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {m.Value}"))})";
}

/// <summary>
/// Serves mutated payloads through a client's real pipeline and deserialization (a canned transport answers every call
/// with the current payload) and classifies every outcome.
/// </summary>
public static class FuzzRunner
{
    private static readonly HttpStatusCode[] Statuses = [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity, HttpStatusCode.InternalServerError];

    /// <summary>A transport whose answer the runner changes before each call.</summary>
    public sealed class CannedTransport(Func<HttpRequestMessage, HttpResponseMessage?> fixedAnswers) : HttpMessageHandler
    {
        public byte[] Body { get; set; } = [];

        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = fixedAnswers(request) ?? new HttpResponseMessage(Status) { Content = new ByteArrayContent(Body) };
            response.Content.Headers.ContentType ??= new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }

    public static async Task<FuzzReport> RunAsync<TClient>(
        string api,
        int payloads,
        int seed,
        IReadOnlyList<(string Name, string SeedJson, Func<TClient, Task> Call)> operations,
        TClient client,
        CannedTransport transport,
        IReadOnlyList<string> errorSeeds)
    {
        var mutator = new Mutator(seed);
        var random = new Random(seed);
        var byMutation = new Dictionary<string, int>(StringComparer.Ordinal);
        var untyped = new List<string>();
        var successes = 0;
        var typed = 0;
        for (var i = 0; i < payloads; i++)
        {
            var operation = operations[i % operations.Count];
            var status = Statuses[random.Next(Statuses.Length)];
            var seedJson = status == HttpStatusCode.OK ? operation.SeedJson : errorSeeds[random.Next(errorSeeds.Count)];
            var (kind, body) = mutator.Mutate(seedJson);
            byMutation[kind] = byMutation.GetValueOrDefault(kind) + 1;
            transport.Status = status;
            transport.Body = body;
            try
            {
                await operation.Call(client).WaitAsync(TimeSpan.FromSeconds(10));
                successes++;
            }
            catch (Exception ex) when (Outcomes.IsApiException(ex))
            {
                typed++;
            }
            catch (Exception ex)
            {
                if (untyped.Count < 2000)
                {
                    untyped.Add($"{operation.Name} [{kind}, HTTP {(int)status}] {ex.GetType().FullName}: {ex.Message.Split('\n')[0]} @ {ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}\n    body: {Preview(body)}");
                }
            }
        }

        return new FuzzReport(api, payloads, operations.Count, successes, typed, byMutation, untyped);
    }

    private static string Preview(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
