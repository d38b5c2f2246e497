namespace Tessera.Cli.Tour;

/// <summary>
/// Where each part of the tour sends its traffic, and where the sandbox-only drivers live (paying an
/// invoice, approving a pairing: things a person does on a vendor's dashboard).
/// </summary>
internal sealed record TourTargets(Uri Pax8BaseUrl, Uri Pax8TokenUrl, Uri Pax8WebhooksBaseUrl, Uri SmartPayBaseUrl, Uri SmartexBaseUrl, Uri SandboxBaseAddress);
