using Tessera.Cli;

return await CliApplication.RunAsync(args);
