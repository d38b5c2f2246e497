namespace Tessera.Core.Operations;

/// <summary>Where an injected field goes.</summary>
public enum FieldLocation
{
    /// <summary>A query parameter.</summary>
    Query,

    /// <summary>A header.</summary>
    Header,

    /// <summary>A member of the request body (a JSON property or a form field).</summary>
    Body,
}
