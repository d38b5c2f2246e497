using Tessera.Core.Serialization;

namespace Tessera.Pax8.Experimental;

/// <content>The same lenient JSON settings as the documented client.</content>
public partial class Pax8ExperimentalClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => ClientJsonSettings.Apply(settings);
}
