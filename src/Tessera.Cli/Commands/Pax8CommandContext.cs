using System.CommandLine;
using Tessera.Cli.Output;
using Tessera.Pax8;
using Tessera.Core.Paging;
using Tessera.Core.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Spectre.Console;

namespace Tessera.Cli.Commands;

/// <summary>What every <c>pax8</c> command shares: options, client construction, output and error handling.</summary>
internal static class Pax8CommandContext
{
    public const string ClientIdVariable = "PAX8_CLIENT_ID";
    public const string ClientSecretVariable = "PAX8_CLIENT_SECRET";

    public static readonly Option<Uri?> BaseUrl = new("--base-url") { CustomParser = CliParsers.AbsoluteUri, Description = "Partner API base URL (default https://api.pax8.com/v1/).", Recursive = true };
    public static readonly Option<Uri?> TokenUrl = new("--token-url") { CustomParser = CliParsers.AbsoluteUri, Description = "Token endpoint (default: {base-url}token, https://api.pax8.com/v1/token for the default base URL).", Recursive = true };
    public static readonly Option<Uri?> ExperimentalBaseUrl = new("--experimental-base-url") { CustomParser = CliParsers.AbsoluteUri, Description = "Base URL of the undocumented portal API (tenant-id).", Recursive = true };
    public static readonly Option<Uri?> WebhooksBaseUrl = new("--webhooks-base-url") { CustomParser = CliParsers.AbsoluteUri, Description = "Base URL of the Webhooks API v2 (default: {base-url}../api/v2/, https://api.pax8.com/api/v2/ for production).", Recursive = true };
    public static readonly Option<bool> Json = new("--json") { Description = "Write the result as one JSON document on stdout.", Recursive = true };
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Log HTTP traffic (secrets redacted) to stderr.", Recursive = true };

    public static IEnumerable<Option> GlobalOptions => [BaseUrl, TokenUrl, ExperimentalBaseUrl, WebhooksBaseUrl, Json, Verbose];

    public static Argument<string> IdArgument(string name) => new(name) { Description = $"The {name}, as Pax8 returns it (usually a UUID)." };

    public static Option<string> BodyOption() => new("--body") { Description = "JSON request body: a file path, or '-' for standard input.", Required = true };

    public static Command ListCommand(string name, string description)
    {
        var command = new Command(name, description)
        {
            new Option<int?>("--page") { Description = "Page number (the API's numbering; Pax8 starts at 0)." },
            new Option<int?>("--size") { Description = "Page size, 1–200 (default 10; 200 with --all)." },
            new Option<bool>("--all") { Description = "Follow every page and return all items." },
        };
        return command;
    }

    public static T? Enum<T>(string? value)
        where T : struct, IExtensibleEnum<T> => value is null ? null : T.FromValue(value);

    public static async Task<T> ReadBodyAsync<T>(string? source)
    {
        var text = source == "-" ? await Console.In.ReadToEndAsync() : await File.ReadAllTextAsync(source!);
        try
        {
            return JsonConvert.DeserializeObject<T>(text, ClientJsonSettings.Create())
                ?? throw new CliInputException($"the body in {Describe(source)} is empty");
        }
        catch (JsonException exception)
        {
            throw new CliInputException($"the body in {Describe(source)} is not a valid {typeof(T).Name}: {exception.Message}");
        }
    }

    public static void SetAction(Command command, Func<Pax8Client, Pax8Invocation, Task<object?>> action) =>
        command.SetAction((parse, token) => RunAsync(parse, token, async invocation => CliOutput.Write(await action(CreateClient(parse), invocation), parse.GetValue(Json))));

    public static void SetAction<T>(Command command, Func<Pax8Client, Pax8Invocation, Task<T>> action) =>
        SetAction(command, async (client, invocation) => (object?)await action(client, invocation));

    public static void SetExperimentalAction<T>(Command command, Func<Tessera.Pax8.Experimental.Pax8ExperimentalClient, Pax8Invocation, Task<T>> action) =>
        command.SetAction((parse, token) => RunAsync(parse, token, async invocation =>
            CliOutput.Write(await action(CreateServices(parse).GetRequiredService<Tessera.Pax8.Experimental.Pax8ExperimentalClient>(), invocation), parse.GetValue(Json))));

    public static void SetListAction<TPage, TItem>(
        Command command,
        Func<Pax8Client, Pax8Invocation, int?, int?, Task<TPage>> fetchPage,
        Func<Pax8Client, Pax8Invocation, int?, AsyncPageable<TItem>> fetchAll,
        Func<TPage, IList<TItem>> items)
    {
        var page = (Option<int?>)command.Options.Single(o => o.Name == "--page");
        var size = (Option<int?>)command.Options.Single(o => o.Name == "--size");
        var all = (Option<bool>)command.Options.Single(o => o.Name == "--all");
        command.SetAction((parse, token) => RunAsync(parse, token, async invocation =>
        {
            var client = CreateClient(parse);
            var json = parse.GetValue(Json);
            var pageSize = parse.GetValue(size);
            if (pageSize is < 1 or > 200)
            {
                throw new CliInputException("--size must be between 1 and 200");
            }

            if (!parse.GetValue(all))
            {
                CliOutput.Write(items(await fetchPage(client, invocation, parse.GetValue(page), pageSize)), json);
                return;
            }

            var results = new List<TItem>();
            var pageable = fetchAll(client, invocation, pageSize ?? 200);
            if (!json && AnsiConsole.Profile.Capabilities.Interactive)
            {
                await AnsiConsole.Status().StartAsync("Fetching…", async context =>
                {
                    await foreach (var item in pageable.WithCancellation(invocation.Token))
                    {
                        results.Add(item);
                        if (results.Count % 50 == 0)
                        {
                            context.Status($"Fetched {results.Count} items…");
                        }
                    }
                });
            }
            else
            {
                await foreach (var item in pageable.WithCancellation(invocation.Token))
                {
                    results.Add(item);
                }
            }

            CliOutput.Write(results, json);
        }));
    }

    private static Task<int> RunAsync(ParseResult parse, CancellationToken token, Func<Pax8Invocation, Task> body) =>
        CommandRunner.RunAsync(token, () => body(new Pax8Invocation(parse, token)), parse.GetValue(Verbose));

    private static string Describe(string? source) => source == "-" ? "standard input" : $"'{source}'";

    private static Pax8Client CreateClient(ParseResult parse) => CreateServices(parse).GetRequiredService<Pax8Client>();

    private static ServiceProvider CreateServices(ParseResult parse)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.AddSimpleConsole(console => console.SingleLine = true);
            logging.AddFilter((category, level) => parse.GetValue(Verbose) ? level >= LogLevel.Debug : level >= LogLevel.Error);
            logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
        services.AddPax8Client(options =>
        {
            options.ClientId = Environment.GetEnvironmentVariable(ClientIdVariable);
            options.ClientSecret = Environment.GetEnvironmentVariable(ClientSecretVariable);
            options.BaseUrl = parse.GetValue(BaseUrl) ?? options.BaseUrl;
            options.TokenUrl = parse.GetValue(TokenUrl) ?? options.TokenUrl;
            options.ExperimentalBaseUrl = parse.GetValue(ExperimentalBaseUrl) ?? options.ExperimentalBaseUrl;
            options.WebhooksBaseUrl = parse.GetValue(WebhooksBaseUrl) ?? options.WebhooksBaseUrl;
        });
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Pax8ClientOptions>>().Value.Validate();
        return provider;
    }
}
