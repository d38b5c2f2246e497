namespace Tessera.Pax8.Webhooks;

/// <summary>Discovers the webhook topics Pax8 offers (there is no fixed list; discrepancy W2).</summary>
public static class Pax8WebhookTopics
{
    /// <summary>
    /// Reads every page of <c>GET /webhooks/topic-definitions</c> and returns the topic names in the order Pax8 lists
    /// them, each once.
    /// </summary>
    /// <param name="client">The webhooks client.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The topic names.</returns>
    public static async Task<IReadOnlyList<Pax8WebhookTopic>> ListAsync(this IPax8WebhooksClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var topics = new List<Pax8WebhookTopic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var definition in client.GetTopicDefinitionsAllAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!string.IsNullOrEmpty(definition.Topic) && seen.Add(definition.Topic))
            {
                topics.Add(definition.Topic);
            }
        }

        return topics;
    }
}
