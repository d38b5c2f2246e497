using Generated.Cli;

return await CliApplication.RunAsync(args);
