namespace Tessera.Pax8.Webhooks;

/// <summary>
/// A webhook topic name (<c>TopicDefinition.topic</c>). Pax8 documents no list of topics (discrepancy W2), so this is
/// an open value: discover the names at run time with <see cref="Pax8WebhookTopics.ListAsync"/> rather than
/// hard-coding them. Converts to and from <see cref="string"/>, so it can be passed wherever the generated models take
/// a topic.
/// </summary>
/// <param name="Value">The name as Pax8 spells it.</param>
public readonly record struct Pax8WebhookTopic(string Value)
{
    /// <summary>The name as Pax8 spells it.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Wraps a topic name.</summary>
    /// <param name="value">The name.</param>
    public static implicit operator Pax8WebhookTopic(string value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>The topic name, for the generated models and parameters.</summary>
    /// <param name="topic">The topic.</param>
    public static implicit operator string(Pax8WebhookTopic topic) => topic.ToString();
}
