namespace Tessera.Benchmarks.Infrastructure;

/// <summary>Set-up checks: a variant that returns the wrong thing must not be timed.</summary>
public static class Check
{
    /// <summary>The payload is one the shipped client reads with System.Text.Json (its mirror takes it), not with Json.NET.</summary>
    public static void Mirrored<T>(byte[] payload)
    {
        var settings = (Newtonsoft.Json.JsonSerializerSettings)typeof(T).Assembly.GetTypes()
            .Single(type => type.Namespace == typeof(T).Namespace && type.IsClass && type.GetMethod("CreateSerializerSettings", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static) is not null)
            .GetMethod("CreateSerializerSettings", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.Invoke(null, null)!;
        var mirror = Tessera.Core.Serialization.MirroredSystemTextJsonReader.Create(Tessera.Core.Serialization.ResponseBody.CreateSerializer(settings))
            ?? throw new InvalidOperationException($"The settings of {typeof(T).Namespace} cannot be mirrored.");
        if (!mirror.TryDeserialize<T>(payload, out _))
        {
            mirror.IsMirrored(typeof(T), out var reason);
            throw new InvalidOperationException($"The benchmark's {typeof(T).Name} payload is not read by the System.Text.Json mirror ({reason ?? "the body is refused"}).");
        }
    }

    public static void Equal<T>(T actual, T expected)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
        {
            throw new InvalidOperationException($"Benchmark set-up check failed: expected {expected}, got {actual}.");
        }
    }

    public static void Count(int actual, int expected) => Equal(actual, expected);

    public static void Company(Pax8.Company company)
    {
        Equal(company.Id, Payloads.CompanyId);
        Equal(company.UpdatedDate, new DateTimeOffset(2023, 8, 11, 11, 33, 12, 314, TimeSpan.FromHours(-6)));
    }

    public static void Company(Baseline.CompanyDto company) => Company(company.Id, company.UpdatedDate);

    /// <summary>For the peers' own models: the id and the colon-less-offset date, read right.</summary>
    public static void Company(string? id, DateTimeOffset? updatedDate)
    {
        Equal(id, Payloads.CompanyId);
        Equal(updatedDate, new DateTimeOffset(2023, 8, 11, 11, 33, 12, 314, TimeSpan.FromHours(-6)));
    }

    /// <summary>
    /// The raw body reaches the exception on every failure path of the configuration being measured: a documented
    /// error status, and a 200 whose body is not the expected JSON (read through the pooled-buffer success path).
    /// </summary>
    public static void RawBodiesOnErrors()
    {
        var notFound = Clients.Pax8(new CannedResponse(Payloads.Utf8(Payloads.Pax8Error404), System.Net.HttpStatusCode.NotFound), readResponseAsString: false);
        var error = Throws<Pax8.Pax8ApiException<Pax8.Pax8Error>>(() => notFound.FindCompanyByIdAsync(Payloads.CompanyId));
        Equal(error.Response, Payloads.Pax8Error404);

        const string NotJson = "<html>maintenance</html>";
        var broken = Clients.Pax8(new CannedResponse(Payloads.Utf8(NotJson)), readResponseAsString: false);
        Equal(Throws<Tessera.Core.Errors.ResponseReadException>(() => broken.FindCompanyByIdAsync(Payloads.CompanyId)).Response, NotJson);

        var empty = Clients.Pax8(new CannedResponse(Payloads.Utf8("null")), readResponseAsString: false);
        Equal(Throws<Pax8.Pax8ApiException>(() => empty.FindCompanyByIdAsync(Payloads.CompanyId)).Response, "null");
    }

    private static T Throws<T>(Func<Task> action)
        where T : Exception
    {
        try
        {
            action().GetAwaiter().GetResult();
        }
        catch (T expected)
        {
            return expected;
        }

        throw new InvalidOperationException($"Benchmark set-up check failed: expected {typeof(T).Name}.");
    }
}
