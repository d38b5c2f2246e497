namespace Tessera.Benchmarks.Infrastructure;

/// <summary>Set-up checks: a variant that returns the wrong thing must not be timed.</summary>
public static class Check
{
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
