using Tessera.Sandbox.Pax8;

namespace Tessera.Sandbox;

/// <summary>
/// What tests can observe of the Pax8 sandbox: how many tokens were requested, what was created, the request log,
/// and a switch to expire every token (to provoke a 401 and a token refresh). Every property returns a snapshot.
/// </summary>
public sealed class Pax8SandboxState
{
    private readonly Pax8Store store;
    private readonly Pax8Tokens tokens;
    private readonly Pax8Webhooks webhooks;

    internal Pax8SandboxState(Pax8Store store, Pax8Tokens tokens, Pax8Webhooks webhooks)
    {
        this.store = store;
        this.tokens = tokens;
        this.webhooks = webhooks;
    }

    /// <summary>Webhook deliveries logged so far (test sends and retries included), oldest first: webhook id, topic, final status.</summary>
    public IReadOnlyList<(string WebhookId, string Topic, string FinalStatus)> WebhookDeliveries
    {
        get
        {
            lock (store.Sync)
            {
                return [.. store.WebhookLogs.Select(log => (log.WebhookId.ToString("D"), log.Topic, log.FinalStatus))];
            }
        }
    }

    /// <summary>Completes when every webhook delivery raised so far (by placing orders) has been attempted.</summary>
    /// <returns>A task.</returns>
    public Task WhenWebhooksIdleAsync() => webhooks.WhenIdleAsync();

    /// <summary>Calls of <c>POST /pax8/v1/token</c>, successful or not.</summary>
    public int TokenRequests => tokens.TokenRequests;

    /// <summary>Companies currently held (seeded plus created).</summary>
    public int CompanyCount
    {
        get
        {
            lock (store.Sync)
            {
                return store.Companies.Count;
            }
        }
    }

    /// <summary>Ids of the orders placed with <c>POST /orders</c> (mock orders are not placed, so not listed).</summary>
    public IReadOnlyList<string> CreatedOrderIds
    {
        get
        {
            lock (store.Sync)
            {
                return [.. store.CreatedOrderIds];
            }
        }
    }

    /// <summary>Orders validated with <c>isMock=true</c> (validated only, nothing stored).</summary>
    public int MockOrderValidations
    {
        get
        {
            lock (store.Sync)
            {
                return store.MockOrderValidations;
            }
        }
    }

    /// <summary>Ids of the companies created with <c>POST /companies</c>.</summary>
    public IReadOnlyList<string> CreatedCompanyIds
    {
        get
        {
            lock (store.Sync)
            {
                return [.. store.CreatedCompanyIds];
            }
        }
    }

    /// <summary>Every request under <c>/pax8/</c> in arrival order: method, path and the status answered.</summary>
    public IReadOnlyList<(string Method, string Path, int Status)> RequestLog
    {
        get
        {
            lock (store.Sync)
            {
                return [.. store.RequestLog];
            }
        }
    }

    /// <summary>The sandbox's data, for white-box tests of this assembly.</summary>
    internal Pax8Store Store => store;

    /// <summary>Expires every token issued so far: the next call with one of them gets 401.</summary>
    public void ExpireAllTokens() => tokens.ExpireAll();

    internal void Record(string method, string path, int status)
    {
        lock (store.Sync)
        {
            store.RequestLog.Add((method, path, status));
        }
    }
}
