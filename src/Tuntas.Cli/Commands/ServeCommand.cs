using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Tuntas.Cli.Common;
using Tuntas.Web;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas serve [--demo] [--urls URL]</c>: runs the web app and the API.</summary>
internal static class ServeCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var demo = new Option<bool>("--demo") { Description = "Load the demo sample and demo accounts first (a fresh SQLite database under ./data/ by default)." };
        var urls = new Option<string>("--urls") { Description = "Address to listen on.", DefaultValueFactory = _ => TuntasWebApp.DefaultUrls };
        var command = new Command("serve", "Run the web app and the API.") { demo, urls };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            await DatabaseReady.EnsureAsync(cli, ct);
            var address = parse.GetValue(urls)!;
            if (parse.GetValue(demo))
            {
                var result = await DemoCommand.LoadAsync(cli, DemoCommand.DefaultSeed, ct);
                DemoCommand.WriteAccounts(cli.Output, result, showPassword: true);
            }

            var app = TuntasWebApp.Build(["--urls", address], cli.Database, hostedByCli: true);
            cli.Output.WriteLine($"Tuntas is running on {address.Split(';')[0]}  (database {cli.Database.Display}).");
            cli.Output.WriteLine($"Sign in at {address.Split(';')[0].TrimEnd('/')}/masuk. Press Ctrl+C to stop.");
            await cli.Output.FlushAsync(ct);
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return ExitCodes.Success;
        });
        return command;
    }
}
