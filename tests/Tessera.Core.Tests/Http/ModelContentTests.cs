using System.Text;
using Tessera.Core.Http;
using Newtonsoft.Json;

namespace Tessera.Core.Tests.Http;

public class ModelContentTests
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });

    private static string Text(ModelContent content) => Encoding.UTF8.GetString(content.GetBytes().Span);

    [Fact]
    public void A_json_body_gets_injected_fields_at_the_end_of_the_top_level_object()
    {
        using var content = ModelContent.Json(new { price = 25, nested = new { token = "inner" } }, Serializer).WithField("token", "t-1");

        Text(content).ShouldBe("""{"price":25,"nested":{"token":"inner"},"token":"t-1"}""");
        content.Headers.ContentType!.MediaType.ShouldBe("application/json");
    }

    [Fact]
    public void An_injected_field_replaces_a_member_of_the_same_name()
    {
        var model = new Dictionary<string, object> { ["token"] = "stale", ["page"] = 2 };

        using var json = ModelContent.Json(model, Serializer).WithField("token", "fresh");
        using var form = ModelContent.Form(model, Serializer).WithField("token", "fresh");

        Text(json).ShouldBe("""{"token":"fresh","page":2}""", "the member keeps its place with the injected value");
        Text(form).ShouldBe("token=fresh&page=2");
    }

    [Fact]
    public void A_form_body_writes_members_as_the_form_encoder_does_with_injected_fields_first()
    {
        var model = new { first_name = "Ada Lovelace", email = "a+b@example.com", is_dummy = true, amount = 12.50m, skipped = (string?)null };

        using var content = ModelContent.Form(model, Serializer).WithField("token", "t 1");

        Text(content).ShouldBe("token=t+1&first_name=Ada+Lovelace&email=a%2Bb%40example.com&is_dummy=true&amount=12.50");
    }

    [Fact]
    public void A_renewed_field_replaces_the_earlier_value_and_the_old_content_is_untouched()
    {
        using var first = ModelContent.Form(new { page = 1 }, Serializer).WithField("token", "old");
        using var second = first.WithField("token", "new");

        Text(first).ShouldBe("token=old&page=1");
        Text(second).ShouldBe("token=new&page=1");
    }

    [Fact]
    public async Task The_bytes_are_serialized_once_and_are_what_the_transport_reads()
    {
        var calls = 0;
        var model = new CountingModel(() => calls++);
        using var content = ModelContent.Json(model, Serializer);

        var signed = content.GetBytes().ToArray();
        var sent = await content.ReadAsByteArrayAsync();

        sent.ShouldBe(signed);
        content.Headers.ContentLength.ShouldBe(signed.Length);
        calls.ShouldBe(1);
    }

    [Fact]
    public void Try_set_field_swaps_the_request_content_and_ignores_other_bodies()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://x.test/") { Content = ModelContent.Form(new { a = 1 }, Serializer) };
        var original = request.Content;

        ModelContent.TrySetField(request, "token", "t").ShouldBeTrue();

        request.Content.ShouldNotBeSameAs(original);
        Text((ModelContent)request.Content!).ShouldBe("token=t&a=1");
        using var other = new HttpRequestMessage(HttpMethod.Post, "https://x.test/") { Content = new StringContent("{}") };
        ModelContent.TrySetField(other, "token", "t").ShouldBeFalse();
    }

    private sealed class CountingModel(Action onRead)
    {
        public int Value
        {
            get
            {
                onRead();
                return 7;
            }
        }
    }
}
