using System.CommandLine;
using Tuntas.Cli.Common;
using Tuntas.Data.Access;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;

namespace Tuntas.Cli.Commands;

/// <summary><c>tuntas user add --name NAME --role ROLE [--region CODE] [--programme CODE] --password-stdin</c>.</summary>
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

            var password = (await cli.Input.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
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

        return new Command("user", "Manage users.") { add };
    }
}
