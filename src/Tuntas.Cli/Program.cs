using Tuntas.Cli;

return await TuntasCli.RunAsync(args, Console.Out, Console.Error);
