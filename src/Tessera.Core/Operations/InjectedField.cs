namespace Tessera.Core.Operations;

/// <summary>A field the client fills in itself, and where it goes.</summary>
/// <param name="Name">The field's name on the wire, for example <c>token</c>.</param>
/// <param name="Location">Where it goes.</param>
public sealed record InjectedField(string Name, FieldLocation Location);
