using System.Globalization;
using System.Net.Mail;
using System.Text.Json.Nodes;

namespace Tessera.Sandbox.SmartPay;

/// <summary>authenticate and the consumer operations.</summary>
internal sealed partial class SmartPayEndpoints
{
    private static readonly string[] RequiredConsumerFields =
        ["first_name", "last_name", "email", "phone", "street_address", "city", "province_state", "country", "postal_code"];

    /// <summary>
    /// <c>authenticate</c>: the api_key for a session token valid for <see cref="SmartPaySandboxOptions.TokenLifetime"/>.
    /// A wrong key is <c>1001</c> "Invalid key" (the 2019 code); a missing one <c>7389</c>.
    /// </summary>
    private JsonObject Authenticate(Call call)
    {
        tokens.CountCall();
        var apiKey = call.Request["api_key"];
        if (string.IsNullOrEmpty(apiKey) || call.Request.IsStructured("api_key"))
        {
            throw SmartPayProblemException.Of(SmartPayErrors.MandatoryInput, "api_key", "Required: the secret key from the Integrate page.");
        }

        if (!string.Equals(apiKey, options.ApiKey, StringComparison.Ordinal))
        {
            throw SmartPayProblemException.Of(SmartPayErrors.InvalidKey);
        }

        var (token, expiresOn) = tokens.Issue();
        return Result(new JsonObject { ["token"] = token, ["expires_on"] = SmartPayStore.FormatTimestamp(expiresOn) });
    }

    /// <summary><c>get_consumers</c>: every filter combines with AND; <c>name</c> is a partial match ignoring case and accents, <c>email</c> exact.</summary>
    private JsonObject GetConsumers(Call call)
    {
        var request = call.Request;
        var validation = new SmartPayValidation();
        var page = ReadPage(request, validation);
        var consumerId = Filter(request, "consumer_id", validation);
        var customId = CustomIdFilter(request, "custom_consumer_id", validation);
        var orderId = Filter(request, "order_id", validation);
        var invoiceId = Filter(request, "invoice_id", validation);
        var name = Filter(request, "name", validation);
        var email = Filter(request, "email", validation);
        var from = TimestampFilter(request, "created_from", validation);
        var to = TimestampFilter(request, "created_to", validation);
        validation.ThrowIfAny();

        lock (store.Sync)
        {
            var ofOrder = orderId is null ? null : store.OrdersById.GetValueOrDefault(orderId)?.ConsumerId ?? string.Empty;
            var ofInvoice = invoiceId is null ? null : store.InvoicesById.GetValueOrDefault(invoiceId)?.ConsumerId ?? string.Empty;
            var matches = store.Consumers.Where(consumer =>
                    (consumerId is null || consumer.Id == consumerId)
                    && (customId is null || consumer.CustomId == customId)
                    && (ofOrder is null || consumer.Id == ofOrder)
                    && (ofInvoice is null || consumer.Id == ofInvoice)
                    && (name is null || CultureInfo.InvariantCulture.CompareInfo.IndexOf(consumer.Name, name, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0)
                    && (email is null || string.Equals(consumer.Email, email, StringComparison.OrdinalIgnoreCase))
                    && InRange(consumer.CreatedOn, from, to))
                .ToList();
            return Page(page, matches, consumer => SmartPayJson.Consumer(store, consumer));
        }
    }

    /// <summary>
    /// <c>create_consumer</c>: every field but custom_consumer_id and is_dummy is required (<c>7389</c>); the email must be
    /// valid (<c>8924</c>) and not used by another consumer (<c>4654</c>); the country an ISO 3166-1 alpha-2 code.
    /// </summary>
    private JsonObject CreateConsumer(Call call)
    {
        var request = call.Request;
        var validation = new SmartPayValidation();
        foreach (var field in RequiredConsumerFields)
        {
            if (string.IsNullOrWhiteSpace(request[field]))
            {
                validation.Missing(field);
            }
        }

        var values = ReadConsumerFields(request, validation);
        var isDummy = false;
        if (request["is_dummy"] is { } dummy && !TryParseBoolean(dummy, out isDummy))
        {
            validation.Invalid("is_dummy", "true or false.");
        }

        lock (store.Sync)
        {
            if (values.TryGetValue("email", out var email) && store.Consumers.Exists(consumer => string.Equals(consumer.Email, email, StringComparison.OrdinalIgnoreCase)))
            {
                validation.Add(SmartPayErrors.EmailExists, "email", "Another consumer has this email address.");
            }

            validation.ThrowIfAny();
            var consumer = new SmartPayConsumer
            {
                Id = store.NewRuntimeId(),
                CustomId = values.GetValueOrDefault("custom_consumer_id"),
                FirstName = values["first_name"],
                LastName = values["last_name"],
                Email = values["email"],
                Phone = values["phone"],
                StreetAddress = values["street_address"],
                City = values["city"],
                ProvinceState = values["province_state"],
                Country = values["country"],
                PostalCode = values["postal_code"],
                IsDummy = isDummy,
                CreatedOn = SmartPayStore.ToSeconds(store.Now),
            };
            store.Add(consumer);
            store.CreatedConsumerIds.Add(consumer.Id);
            return Result(new JsonObject { ["consumer_id"] = consumer.Id });
        }
    }

    /// <summary>
    /// <c>modify_consumer</c>: a partial update of the fields sent (each validated as on create); is_dummy cannot change
    /// (ignored with warning 2201). Answers <c>{"result": {"consumer_id": ...}}</c> as the Aug-2019 docs do.
    /// </summary>
    private JsonObject ModifyConsumer(Call call)
    {
        var request = call.Request;
        var validation = new SmartPayValidation();
        var consumerId = Filter(request, "consumer_id", validation);
        if (consumerId is null)
        {
            validation.Missing("consumer_id");
        }

        var values = ReadConsumerFields(request, validation);
        lock (store.Sync)
        {
            validation.ThrowIfAny();
            var consumer = store.ConsumersById.GetValueOrDefault(consumerId!)
                ?? throw SmartPayProblemException.Of(SmartPayErrors.InvalidId, "consumer_id", "No consumer with this id.");
            if (values.TryGetValue("email", out var email)
                && store.Consumers.Exists(other => other != consumer && string.Equals(other.Email, email, StringComparison.OrdinalIgnoreCase)))
            {
                throw SmartPayProblemException.Of(SmartPayErrors.EmailExists, "email", "Another consumer has this email address.");
            }

            foreach (var (field, value) in values)
            {
                switch (field)
                {
                    case "custom_consumer_id": consumer.CustomId = value; break;
                    case "first_name": consumer.FirstName = value; break;
                    case "last_name": consumer.LastName = value; break;
                    case "email": consumer.Email = value; break;
                    case "phone": consumer.Phone = value; break;
                    case "street_address": consumer.StreetAddress = value; break;
                    case "city": consumer.City = value; break;
                    case "province_state": consumer.ProvinceState = value; break;
                    case "country": consumer.Country = value; break;
                    case "postal_code": consumer.PostalCode = value; break;
                    default: break;
                }
            }

            return Result(new JsonObject { ["consumer_id"] = consumer.Id });
        }
    }

    /// <summary><c>delete_consumer</c>: rejected (<c>1754</c>) while the consumer has orders or invoices (A16).</summary>
    private JsonObject DeleteConsumer(Call call)
    {
        var validation = new SmartPayValidation();
        var consumerId = Filter(call.Request, "consumer_id", validation);
        if (consumerId is null)
        {
            validation.Missing("consumer_id");
        }

        validation.ThrowIfAny();
        lock (store.Sync)
        {
            var consumer = store.ConsumersById.GetValueOrDefault(consumerId!)
                ?? throw SmartPayProblemException.Of(SmartPayErrors.InvalidId, "consumer_id", "No consumer with this id.");
            if (store.Orders.Exists(order => order.ConsumerId == consumer.Id) || store.Invoices.Exists(invoice => invoice.ConsumerId == consumer.Id))
            {
                throw SmartPayProblemException.Of(SmartPayErrors.ConsumerHasOrders, "consumer_id", "The consumer has orders.");
            }

            store.Consumers.Remove(consumer);
            store.ConsumersById.Remove(consumer.Id);
            return Success();
        }
    }

    /// <summary>The consumer fields present in the request, trimmed and validated (absent fields are left out).</summary>
    private static Dictionary<string, string> ReadConsumerFields(SmartPayRequest request, SmartPayValidation validation)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in ConsumerFields)
        {
            if (request[field] is not { } raw)
            {
                continue;
            }

            var value = raw.Trim();
            if (request.IsStructured(field))
            {
                validation.Invalid(field, "A single value.");
            }
            else if (value.Length == 0)
            {
                validation.Invalid(field, "Must not be empty.");
            }
            else if (field == "custom_consumer_id" && !IsCustomId(value))
            {
                validation.Invalid(field, "Up to 32 letters or digits.");
            }
            else if (field == "email" && !IsEmail(value))
            {
                validation.Add(SmartPayErrors.EmailInvalid, field, "Not a valid email address.");
            }
            else if (field == "country" && !SmartPayCountries.All.Contains(value))
            {
                validation.Invalid(field, "An ISO 3166-1 alpha-2 country code, e.g. CA.");
            }
            else
            {
                values[field] = value;
            }
        }

        return values;
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address)
        && string.Equals(address.Address, value, StringComparison.Ordinal)
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.EndsWith('.');

    /// <summary>A boolean input in the forms PHP accepts: true/false, 1/0 (any case).</summary>
    private static bool TryParseBoolean(string value, out bool result)
    {
        switch (value.Trim().ToUpperInvariant())
        {
            case "TRUE" or "1":
                result = true;
                return true;
            case "FALSE" or "0":
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }
}
