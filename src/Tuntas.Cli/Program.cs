using Tuntas.Cli;

return await TuntasCli.RunAsync(args, Console.In, Console.Out, Console.Error);
