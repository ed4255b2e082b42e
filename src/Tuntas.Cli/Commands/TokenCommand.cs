using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Cli.Common;
using Tuntas.Data.Access;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas token create --user NAME</c>: prints a new API token (only its hash is stored).</summary>
internal static class TokenCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var user = new Option<string>("--user") { Description = "The user the token acts as.", Required = true };
        var days = new Option<int?>("--expires-days") { Description = "Days until the token expires (default 365; 0 for never)." };
        var create = new Command("create", "Create an API token for a user and print it. It cannot be shown again.") { user, days };
        create.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var lifetimeDays = parse.GetValue(days) ?? 365;
            if (lifetimeDays < 0)
            {
                return cli.Fail("--expires-days cannot be negative.");
            }

            await DatabaseReady.EnsureAsync(cli, ct);
            await using var services = cli.CreateServices();
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TuntasUser>>();
            var owner = await users.FindByNameAsync(parse.GetValue(user)!.Trim());
            if (owner is null)
            {
                return cli.Fail($"There is no user named '{parse.GetValue(user)}'.");
            }

            var tokens = scope.ServiceProvider.GetRequiredService<ApiTokens>();
            var token = await tokens.CreateAsync(owner, lifetimeDays == 0 ? null : TimeSpan.FromDays(lifetimeDays), ct);
            if (cli.Json)
            {
                cli.WriteJson(new { token });
            }
            else
            {
                cli.Output.WriteLine(token);
            }

            return ExitCodes.Success;
        });

        return new Command("token", "Manage API tokens.") { create };
    }
}
