using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.Access;
using Tuntas.Data.Common;

namespace Tuntas.Cli.Commands;

/// <summary>
/// <c>tuntas odk token --user NAME [--json]</c>: a new ODK token for a user (printed once; only its
/// hash is stored). ODK Collect's server URL is <c>{base}/odk/{token}</c>. ODK tokens are listed and
/// revoked with <c>tuntas token list|revoke</c> (they start with <c>odk_</c>).
/// </summary>
internal static class OdkCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var user = new Option<string>("--user") { Description = "The operator or facilitator whose phone will use the token.", Required = true };
        var days = new Option<int?>("--expires-days") { Description = "Days until the token expires (default 365; 0 for never)." };
        var token = new Command("token", "Create an ODK Collect token for a user and print it. It cannot be shown again; revoke it with `tuntas token revoke`.") { user, days };
        token.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var lifetimeDays = parse.GetValue(days) ?? 365;
            if (lifetimeDays < 0)
            {
                return cli.Fail("--expires-days cannot be negative.");
            }

            return await cli.WithAsync<CreateApiToken>(async tokens =>
            {
                var name = parse.GetValue(user)!.Trim();
                var created = await tokens.CreateAsync(name, lifetimeDays == 0 ? null : TimeSpan.FromDays(lifetimeDays), "cli:" + Environment.UserName, odk: true, ct);
                if (created.Value is not { } value)
                {
                    return cli.Fail(created.Error is WriteError.NotFound ? $"There is no user named '{name}'." : created.Error!.English);
                }

                if (cli.Json)
                {
                    cli.WriteJson(new { token = value });
                }
                else
                {
                    cli.Output.WriteLine(value);
                }

                return ExitCodes.Success;
            }, ct);
        });

        return new Command("odk", "ODK Collect and KoboCollect access.") { token };
    }
}
