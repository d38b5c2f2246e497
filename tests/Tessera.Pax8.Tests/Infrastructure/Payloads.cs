namespace Tessera.Pax8.Tests.Infrastructure;

/// <summary>Realistic response bodies (Payloads/*.json), each exhibiting the wire discrepancies the spec records.</summary>
public static class Payloads
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", name + ".json"));
}
