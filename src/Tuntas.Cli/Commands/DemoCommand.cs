using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.Demo;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas demo [--seed S]</c>: loads the demo sample and the demo accounts.</summary>
internal static class DemoCommand
{
    public const int DefaultSeed = 2025;

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the made-up data; the same seed gives the same families.", DefaultValueFactory = _ => DefaultSeed };
        var command = new Command("demo", "Load the demo sample (made-up families in Kota Bontang and Kabupaten Kutai Timur) and one account per role.") { seed };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var result = await LoadAsync(cli, parse.GetValue(seed), ct);
            if (cli.Json)
            {
                cli.WriteJson(new
                {
                    households = result.HouseholdsAdded,
                    people = result.PeopleAdded,
                    accounts = result.Accounts.Select(a => new { userName = a.UserName, role = a.Role, region = a.Region }),
                });
            }
            else
            {
                WriteAccounts(cli.Output, result, showPassword: false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static async Task<DemoResult> LoadAsync(CliContext cli, int seed, CancellationToken ct)
    {
        DemoResult? result = null;
        await cli.WithAsync<DemoLoader>(async loader =>
        {
            result = await loader.LoadAsync(seed, ct);
            return ExitCodes.Success;
        }, ct);
        return result!;
    }

    /// <summary>Lists the demo accounts; the password only where the demo is served (<c>serve --demo</c>).</summary>
    public static void WriteAccounts(TextWriter output, DemoResult result, bool showPassword)
    {
        if (result.HouseholdsAdded > 0)
        {
            output.WriteLine($"Demo sample loaded: {result.HouseholdsAdded} made-up families, {result.PeopleAdded} people.");
        }

        output.WriteLine(showPassword
            ? $"Demo accounts (password for all: {result.Password}):"
            : "Demo accounts (./tuntas serve --demo prints their password):");
        foreach (var a in result.Accounts)
        {
            output.WriteLine($"  {a.UserName,-26} {a.Role,-12} {a.Region ?? "-",-14} {a.Description}");
        }

        if (result.FieldAccounts > 0)
        {
            output.WriteLine($"  and {result.FieldAccounts} facilitator accounts pendamping.<kecamatan> (e.g. pendamping.bontangutara), same password.");
        }
    }
}
