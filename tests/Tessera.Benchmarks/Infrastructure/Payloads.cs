using System.Text;

namespace Tessera.Benchmarks.Infrastructure;

/// <summary>
/// The wire payloads, shaped like the test payloads (tests/*/Payloads) but without unknown members, so that no
/// variant pays for additional-properties bookkeeping the others skip. Pax8 dates keep the colon-less offset Pax8
/// really sends (D15): every variant must read it.
/// </summary>
public static class Payloads
{
    public const string CompanyId = "5c1f8d1e-2b8a-4f6e-9d3a-7a1b2c3d4e5f";

    public const string Pax8Token = """{"access_token":"eyJhbGciOiJub25lIn0.payload.sig","token_type":"Bearer","expires_in":86400}""";

    public const string SmartPayToken = "tok_3f9a2c71d4e8b6a0";

    public const string SmartPayAuthenticate = """{"result":{"token":"tok_3f9a2c71d4e8b6a0","expires_on":"2099-01-01 01:00:00"}}""";

    public const string SmartPayConsumerReference = """{"requested_on":"2026-01-01 00:00:05","token":"tok_3f9a2c71d4e8b6a0","format":"json","first_name":"Bob","last_name":"Test","is_dummy":1,"result":{"consumer_id":"gHi789"}}""";

    public const string SmartexPosToken = "3yHuXP7GVbqEh1rsDaodCzbMR5TZsxbMHEPnigsKyY86";

    public const string SmartexMerchantToken = "9mKx2vR4tLq8WnZp5sHc7YdFj3GbXe6AuNo1iTrQwEy";

    /// <summary>The Smartex test identity (vector A of the Smartex tests): deterministic signatures.</summary>
    public const string SmartexPrivateKeyHex = "bad57a252dcd512876332f4ec3302980cc9fed143797f3091637be8cc0b11667";

    public const string SmartexInvoice = """{"facade":"merchant/invoice","data":{"url":"https://smartex.io/invoice?id=AbCdEfGhIjKlMnOpQrStUv","status":"new","price":20,"currency":"USD","ethPrice":"0.0632","ethPaid":"0","ethDue":"0.0632","rate":316.45,"exRates":{"USD":316.45,"EUR":"291.2"},"invoiceTime":1461855420000,"expirationTime":1461856320000,"currentTime":1461855430123,"id":"AbCdEfGhIjKlMnOpQrStUv","exceptionStatus":false,"posData":"{\"orderId\":\"1001\"}","orderId":"1001","token":"inv0iceRes0urceT0ken5cB1bJq2dVw9fGzN3kTr5L","itemDesc":"Blue mug","guid":"7c1c5a3e","buyerFields":{"buyerName":"Ada Lovelace","buyerEmail":"ada@example.org"},"paymentUrls":{"EIP681":"ethereum:0x52908400098527886E0F7030069857D2E4169EE7?value=6.32e16"},"transactions":[]}}""";

    public const string Pax8Error404 = """{"type":"NOT_FOUND","message":"Company Not Found","instance":"/public/v1/companies/5c1f8d1e-2b8a-4f6e-9d3a-7a1b2c3d4e5f","status":404,"details":[]}""";

    public static string Company(int index = 0)
    {
        var id = index == 0 ? CompanyId : "" + new Guid(index, 0x2b8a, 0x4f6e, 0x9d, 0x3a, 0x7a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f);
        return $$"""{"id":"{{id}}","name":"Acme Dental Group {{index}}","address":{"street":"1 Market St","street2":"Suite 300","city":"Denver","stateOrProvince":"CO","postalCode":"80202","country":"US"},"phone":"303-555-0100","website":"acmedental.example","externalId":"CRM-{{1000 + index}}","billOnBehalfOfEnabled":true,"selfServiceAllowed":false,"orderApprovalRequired":true,"status":"Active","updatedDate":"2023-08-11T11:33:12.314-0600"}""";
    }

    /// <summary>The items of a company page, comma-separated, without the brackets.</summary>
    public static string CompanyItems(int count) => string.Join(',', Enumerable.Range(0, count).Select(Company));

    public static string CompanyPage(int count, int pageNumber = 0, int totalPages = 1) =>
        PagePrefix() + CompanyItems(count) + PageSuffix(count, pageNumber, totalPages);

    public static string PagePrefix() => """{"content":[""";

    public static string PageSuffix(int size, int pageNumber, int totalPages) =>
        $$$"""],"page":{"size":{{{size}}},"totalElements":{{{(long)size * totalPages}}},"totalPages":{{{totalPages}}},"number":{{{pageNumber}}}}}""";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
