using System.Text.RegularExpressions;
using System.Web;
using Tessera.Sandbox.Faults;
using Newtonsoft.Json.Linq;

namespace Tessera.Reliability.Tests.Secrets;

/// <summary>Collects the secret values that crossed the wire, from the sandbox's recorded traffic.</summary>
public static partial class SecretHarvest
{
    private static readonly string[] SecretHeaders = ["Authorization", "X-Signature"];

    public static HashSet<string> From(IEnumerable<SandboxExchange> traffic)
    {
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var exchange in traffic)
        {
            foreach (var header in SecretHeaders)
            {
                if (exchange.RequestHeaders.TryGetValue(header, out var value))
                {
                    Add(secrets, value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..] : value);
                }
            }

            var query = exchange.Path.IndexOf('?', StringComparison.Ordinal);
            if (query >= 0)
            {
                FromForm(secrets, exchange.Path[(query + 1)..]);
            }

            FromBody(secrets, exchange.RequestBody);
            FromBody(secrets, exchange.ResponseBody);
        }

        return secrets;
    }

    private static void FromBody(HashSet<string> secrets, string body)
    {
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                foreach (var property in (JToken.Parse(body) is JContainer parsed ? parsed.DescendantsAndSelf() : []).OfType<JProperty>())
                {
                    if (IsSecretName(property.Name) && property.Value.Type == JTokenType.String)
                    {
                        Add(secrets, (string)property.Value!);
                    }
                }
            }
            catch (Newtonsoft.Json.JsonException)
            {
            }
        }
        else if (body.Contains('=', StringComparison.Ordinal))
        {
            FromForm(secrets, body);
        }
    }

    private static void FromForm(HashSet<string> secrets, string form)
    {
        var values = HttpUtility.ParseQueryString(form);
        foreach (var key in values.AllKeys.OfType<string>().Where(IsSecretName))
        {
            Add(secrets, values[key]);
        }
    }

    private static bool IsSecretName(string name) => SecretName().IsMatch(name);

    private static void Add(HashSet<string> secrets, string? value)
    {
        // Short values ("pos", "true") would match everywhere; every real secret here is longer.
        if (value is { Length: >= 7 })
        {
            secrets.Add(value);
        }
    }

    [GeneratedRegex("token|secret|api_?key|pairing_?code|signature|password|authorization", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
