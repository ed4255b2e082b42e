using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.Access;
using Tuntas.Data.Common;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;

namespace Tuntas.Cli.Commands;

/// <summary>
/// <c>tuntas user add --name NAME --role ROLE [--region CODE] [--programme CODE] --password-stdin</c>,
/// <c>user disable|enable --name NAME</c>, <c>user reset-password --name NAME --password-stdin</c>
/// and <c>user list [--json]</c>. Every change is audited.
/// </summary>
internal static class UserCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var name = new Option<string>("--name") { Description = "User name used to sign in.", Required = true };
        var role = new Option<string>("--role")
        {
            Description = "One of: " + string.Join(", ", Enum.GetValues<Role>().Select(r => r.ToWire())) + ".",
            Required = true,
        };
        var region = new Option<string?>("--region") { Description = "Region scope: a desa for operators, a kecamatan for facilitators, a kabupaten/kota for verifiers and agencies, a province for province users." };
        var programme = new Option<string?>("--programme") { Description = "For an agency officer: the one programme they record deliveries of (a code of the catalogue, such as RTLH)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input (it never appears in the process list)." };

        var add = new Command("add", "Create a user with one role and one region scope.") { name, role, region, programme, passwordStdin };
        add.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var parsedRole = Roles.ParseWire(parse.GetValue(role));
            if (parsedRole is null)
            {
                return cli.Fail($"Unknown role '{parse.GetValue(role)}'; use one of {string.Join(", ", Enum.GetValues<Role>().Select(r => r.ToWire()))}.");
            }

            RegionCode? scope = null;
            if (parse.GetValue(region) is { Length: > 0 } regionText)
            {
                var parsed = RegionCode.Parse(regionText);
                if (!parsed.IsValid)
                {
                    return cli.Fail(parsed.Error!);
                }

                scope = parsed.Value;
            }

            if (!parse.GetValue(passwordStdin))
            {
                return cli.Fail("Give the password on standard input with --password-stdin, for example: echo 'a long passphrase' | tuntas user add ... --password-stdin");
            }

            var password = await ReadPasswordAsync(cli, ct);
            if (string.IsNullOrEmpty(password))
            {
                return cli.Fail("No password arrived on standard input.");
            }

            return await cli.WithAsync<AddUser>(async addUser =>
            {
                var added = await addUser.AddAsync(parse.GetValue(name)!.Trim(), parsedRole.Value, scope, password, "cli:" + Environment.UserName, parse.GetValue(programme), ct);
                if (added.Value is not { } user)
                {
                    return cli.Fail(added.Error!.English);
                }

                if (cli.Json)
                {
                    cli.WriteJson(new { user = new { name = user.UserName, role = user.Role.ToWire(), region = user.RegionCode?.Value, programme = user.ProgrammeCode } });
                }
                else
                {
                    cli.Output.WriteLine($"Created user {user.UserName} ({user.Role.ToWire()}, {user.RegionCode?.Value ?? "national"}{(user.ProgrammeCode is null ? "" : ", " + user.ProgrammeCode)}).");
                }

                return ExitCodes.Success;
            }, ct);
        });

        return new Command("user", "Manage users.") { add, Disable(context), Enable(context), ResetPassword(context), List(context) };
    }

    private static Option<string> NameOption() => new("--name") { Description = "The user's name.", Required = true };

    private static string Actor => "cli:" + Environment.UserName;

    private static async Task<string?> ReadPasswordAsync(CliContext cli, CancellationToken ct) =>
        (await cli.Input.ReadLineAsync(ct))?.TrimEnd('\r', '\n');

    private static string? UserWords(WriteError error, string name) =>
        error is WriteError.NotFound ? $"There is no user named '{name}'. See tuntas user list." : null;

    private static Command Disable(Func<ParseResult, CliContext> context)
    {
        var name = NameOption();
        var command = new Command("disable", "Disable an account: it cannot sign in, its sessions end and its API tokens answer 401 from the next request on.") { name };
        command.SetAction((parse, ct) =>
        {
            var cli = context(parse);
            var who = parse.GetValue(name)!.Trim();
            return cli.WriteAsync<DisableUser, TuntasUser>(u => u.DisableAsync(who, Actor, ct), user => Done(cli, user, "disabled"), ct, e => UserWords(e, who));
        });
        return command;
    }

    private static Command Enable(Func<ParseResult, CliContext> context)
    {
        var name = NameOption();
        var command = new Command("enable", "Enable a disabled or locked account again.") { name };
        command.SetAction((parse, ct) =>
        {
            var cli = context(parse);
            var who = parse.GetValue(name)!.Trim();
            return cli.WriteAsync<EnableUser, TuntasUser>(u => u.EnableAsync(who, Actor, ct), user => Done(cli, user, "enabled"), ct, e => UserWords(e, who));
        });
        return command;
    }

    private static Command ResetPassword(Func<ParseResult, CliContext> context)
    {
        var name = NameOption();
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the new password from the first line of standard input." };
        var command = new Command("reset-password", "Set a new password for a user; every signed-in session of the user ends.") { name, passwordStdin };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            if (!parse.GetValue(passwordStdin))
            {
                return cli.Fail("Give the new password on standard input with --password-stdin, for example: echo 'a long passphrase' | tuntas user reset-password --name NAME --password-stdin");
            }

            var password = await ReadPasswordAsync(cli, ct);
            if (string.IsNullOrEmpty(password))
            {
                return cli.Fail("No password arrived on standard input.");
            }

            var who = parse.GetValue(name)!.Trim();
            return await cli.WriteAsync<Tuntas.Data.Access.ResetPassword, TuntasUser>(
                u => u.ResetAsync(who, password, Actor, ct), user => Done(cli, user, "given a new password"), ct, e => UserWords(e, who));
        });
        return command;
    }

    private static int Done(CliContext cli, TuntasUser user, string what)
    {
        if (cli.Json)
        {
            cli.WriteJson(new { user = new { name = user.UserName, disabled = user.IsDisabled } });
        }
        else
        {
            cli.Output.WriteLine($"User {user.UserName} {what}.");
        }

        return ExitCodes.Success;
    }

    private static Command List(Func<ParseResult, CliContext> context)
    {
        var command = new Command("list", "List the accounts: name, role, region, programme, created, disabled or locked, two-step sign-in, active tokens.");
        command.SetAction((parse, ct) =>
        {
            var cli = context(parse);
            return cli.WithAsync<UserAccounts>(async accounts =>
            {
                var users = await accounts.ListAsync(cli.Clock.UtcNow, ct);
                if (cli.Json)
                {
                    cli.WriteJson(new
                    {
                        users = users.Select(u => new
                        {
                            name = u.Name,
                            role = u.Role.ToWire(),
                            region = u.Region?.Value,
                            programme = u.Programme,
                            createdAt = u.CreatedAt,
                            disabled = u.Disabled,
                            lockedUntil = u.LockedUntil,
                            twoFactor = u.TwoFactor,
                            activeTokens = u.ActiveTokens,
                        }),
                    });
                    return ExitCodes.Success;
                }

                if (users.Count == 0)
                {
                    cli.Output.WriteLine("No users yet. Create one with tuntas user add.");
                    return ExitCodes.Success;
                }

                cli.Output.WriteLine($"{"NAME",-24} {"ROLE",-12} {"REGION",-16} {"STATE",-10} {"2FA",-4} TOKENS");
                foreach (var u in users)
                {
                    var state = u.Disabled ? "disabled" : u.LockedUntil is not null ? "locked" : "active";
                    cli.Output.WriteLine($"{u.Name,-24} {u.Role.ToWire(),-12} {u.Region?.Value ?? "national",-16} {state,-10} {(u.TwoFactor ? "on" : "off"),-4} {u.ActiveTokens}");
                }

                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }
}
