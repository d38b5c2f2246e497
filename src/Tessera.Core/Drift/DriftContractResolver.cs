using Newtonsoft.Json.Serialization;

namespace Tessera.Core.Drift;

/// <summary>
/// Json.NET's default contract resolver, except that a model's extension-data setter (the generated
/// <c>AdditionalProperties</c>) also records the member as drift: a member the spec does not describe.
/// </summary>
internal sealed class DriftContractResolver : DefaultContractResolver
{
    protected override JsonObjectContract CreateObjectContract(Type objectType)
    {
        var contract = base.CreateObjectContract(objectType);
        if (contract.ExtensionDataSetter is { } setter)
        {
            contract.ExtensionDataSetter = (target, key, value) =>
            {
                WireDrift.RecordMember(key, value);
                setter(target, key, value);
            };
        }

        return contract;
    }
}
