namespace Tessera.Core.Operations;

/// <summary>
/// What the spec says about one operation, emitted by the build (<c>obj/Generated/&lt;Client&gt;Operations.g.cs</c>)
/// and attached to every request before anything else runs, so that handlers, validation and paging read facts
/// instead of matching operation ids or paths.
/// </summary>
public sealed class OperationDescriptor
{
    private string? _operationSpanName;
    private string? _attemptSpanName;

    /// <summary>The request option that carries the descriptor.</summary>
    public static readonly HttpRequestOptionsKey<OperationDescriptor> RequestOption = new("Tessera.Operation");

    /// <summary>Creates a descriptor (generated code calls this).</summary>
    /// <param name="api">The API, for example <c>Pax8</c>.</param>
    /// <param name="operationId">The OpenAPI operation id.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">The path template, for example <c>/companies/{companyId}</c>.</param>
    /// <param name="authentication">How the request is authenticated.</param>
    /// <param name="safeToRetry">Whether a POST or PATCH may be resent (<c>x-safe-to-retry</c>).</param>
    /// <param name="issuesCredentials">Whether this operation obtains the credentials the others use (<c>x-issues-credentials</c>).</param>
    /// <param name="facades">The facade tokens that work, preferred first; <c>public</c> means "no token" (Smartex).</param>
    /// <param name="signed">Whether a request with credentials is signed.</param>
    /// <param name="unsignedVariant">Whether a variant without credentials is sent unsigned.</param>
    /// <param name="pageItemType">The item type of a paged list operation.</param>
    /// <param name="injectedFields">The fields the client fills in itself.</param>
    /// <param name="constraints">The input constraints of its parameters.</param>
    /// <param name="bodyConstraints">The input constraints of its request body's members, by wire name.</param>
    public OperationDescriptor(
        string api,
        string operationId,
        string method,
        string pathTemplate,
        OperationAuthentication authentication,
        bool safeToRetry = false,
        bool issuesCredentials = false,
        IReadOnlyList<string>? facades = null,
        bool signed = false,
        bool unsignedVariant = false,
        Type? pageItemType = null,
        IReadOnlyList<InjectedField>? injectedFields = null,
        IReadOnlyList<Validation.ParameterConstraint>? constraints = null,
        IReadOnlyList<Validation.ParameterConstraint>? bodyConstraints = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(api);
        ArgumentException.ThrowIfNullOrEmpty(operationId);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(pathTemplate);
        Api = api;
        OperationId = operationId;
        Method = HttpMethod.Parse(method);
        PathTemplate = pathTemplate;
        Authentication = authentication;
        SafeToRetry = safeToRetry;
        IssuesCredentials = issuesCredentials;
        Facades = facades ?? [];
        Signed = signed;
        UnsignedVariant = unsignedVariant;
        PageItemType = pageItemType;
        InjectedFields = injectedFields ?? [];
        Constraints = constraints ?? [];
        BodyConstraints = bodyConstraints ?? [];
    }

    /// <summary>The API, for example <c>Pax8</c>.</summary>
    public string Api { get; }

    /// <summary>The OpenAPI operation id, for example <c>findCompanies</c>.</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path template as the spec writes it, for example <c>/companies/{companyId}</c>.</summary>
    public string PathTemplate { get; }

    /// <summary>How the request is authenticated.</summary>
    public OperationAuthentication Authentication { get; }

    /// <summary>Whether a non-idempotent request (POST, PATCH) may be resent (<c>x-safe-to-retry</c>).</summary>
    public bool SafeToRetry { get; }

    /// <summary>Whether this operation obtains the credentials the others use (the token request, <c>authenticate</c>).</summary>
    public bool IssuesCredentials { get; }

    /// <summary>The facade tokens that work, preferred first; <c>public</c> means "no token" (Smartex). Empty elsewhere.</summary>
    public IReadOnlyList<string> Facades { get; }

    /// <summary>Whether a request that carries credentials is signed (Smartex).</summary>
    public bool Signed { get; }

    /// <summary>Whether the variant without credentials (the public facade) is sent unsigned (Smartex).</summary>
    public bool UnsignedVariant { get; }

    /// <summary>The item type of a paged list operation (its <c>…AllAsync</c> yields these); <see langword="null"/> otherwise.</summary>
    public Type? PageItemType { get; }

    /// <summary>The fields the client fills in itself (a session or facade token); they are not in the generated signature.</summary>
    public IReadOnlyList<InjectedField> InjectedFields { get; }

    /// <summary>The constraints the spec puts on the operation's parameters, checked before anything is sent.</summary>
    public IReadOnlyList<Validation.ParameterConstraint> Constraints { get; }

    /// <summary>The constraints the spec puts on the request body's members (by wire name), checked before anything is sent.</summary>
    public IReadOnlyList<Validation.ParameterConstraint> BodyConstraints { get; }

    /// <summary>The operation's span name, <c>{Api} {operationId}</c> (built once).</summary>
    internal string OperationSpanName => _operationSpanName ??= $"{Api} {OperationId}";

    /// <summary>An attempt's span name per OpenTelemetry's HTTP conventions, <c>{METHOD} {url.template}</c> (built once).</summary>
    internal string AttemptSpanName => _attemptSpanName ??= $"{Method.Method} {PathTemplate}";

    /// <summary>The descriptor of <paramref name="request"/>, if a generated client made it.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The descriptor, or <see langword="null"/>.</returns>
    public static OperationDescriptor? Of(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(RequestOption, out var descriptor) ? descriptor : null;
    }

    /// <summary>The injected field of <paramref name="location"/>, if the operation has one.</summary>
    /// <param name="location">Where the field goes.</param>
    /// <returns>The field, or <see langword="null"/>.</returns>
    public InjectedField? InjectedFieldIn(FieldLocation location)
    {
        foreach (var field in InjectedFields)
        {
            if (field.Location == location)
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>Checks one parameter value against the spec's constraints for it (no-op when it has none).</summary>
    /// <param name="parameter">The parameter's name in the spec.</param>
    /// <param name="value">The value the caller passed.</param>
    /// <exception cref="ArgumentException">The value breaks a constraint; the message names the parameter and the rule.</exception>
    public void Check(string parameter, object? value)
    {
        foreach (var constraint in Constraints)
        {
            if (string.Equals(constraint.Name, parameter, StringComparison.Ordinal))
            {
                constraint.Check(value);
                return;
            }
        }
    }

    /// <summary>Checks the request body's members against <see cref="BodyConstraints"/>.</summary>
    /// <param name="body">The body the caller passed.</param>
    /// <exception cref="ArgumentException">A member breaks a constraint; the parameter name is its wire name.</exception>
    public void CheckBody(object? body) => Validation.BodyConstraints.Check(body, BodyConstraints);

    /// <summary>For example <c>Pax8 findCompanies (GET /companies)</c>.</summary>
    /// <returns>A description for logs and messages.</returns>
    public override string ToString() => $"{Api} {OperationId} ({Method.Method} {PathTemplate})";
}
