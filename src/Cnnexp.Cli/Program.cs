using Cnnexp.Cli;

return await CliApp.RunAsync(args);
