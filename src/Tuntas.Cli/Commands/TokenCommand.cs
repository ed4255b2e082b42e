using System.CommandLine;
using System.Globalization;
using Tuntas.Cli.Common;
using Tuntas.Data.Access;
using Tuntas.Data.Common;

namespace Tuntas.Cli.Commands;

/// <summary>
/// <c>tuntas token create --user NAME</c>: prints a new API token (only its hash is stored);
/// <c>token list [--user NAME]</c>: the tokens by prefix, never the token; <c>token revoke PREFIX|--user NAME</c> (audited).
/// </summary>
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

            return await cli.WithAsync<CreateApiToken>(async tokens =>
            {
                var created = await tokens.CreateAsync(parse.GetValue(user)!.Trim(), lifetimeDays == 0 ? null : TimeSpan.FromDays(lifetimeDays), "cli:" + Environment.UserName, ct);
                if (created.Value is not { } token)
                {
                    return cli.Fail(created.Error is WriteError.NotFound ? $"There is no user named '{parse.GetValue(user)}'." : created.Error!.English);
                }

                if (cli.Json)
                {
                    cli.WriteJson(new { token });
                }
                else
                {
                    cli.Output.WriteLine(token);
                }

                return ExitCodes.Success;
            }, ct);
        });

        return new Command("token", "Manage API tokens.") { create, List(context), Revoke(context) };
    }

    private static Command List(Func<ParseResult, CliContext> context)
    {
        var user = new Option<string?>("--user") { Description = "Only this user's tokens." };
        var list = new Command("list", "List API tokens: prefix, user, created, expires, last used, revoked. The tokens themselves cannot be shown.") { user };
        list.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            return await cli.WithAsync<ApiTokens>(async found =>
            {
                var tokens = await found.ListAsync(parse.GetValue(user)?.Trim(), ct);
                if (cli.Json)
                {
                    cli.WriteJson(new
                    {
                        tokens = tokens.Select(t => new { prefix = t.Prefix, user = t.User, createdAt = t.CreatedAt, expiresAt = t.ExpiresAt, lastUsedAt = t.LastUsedAt, revokedAt = t.RevokedAt }),
                    });
                    return ExitCodes.Success;
                }

                cli.Output.WriteLine("prefix       user                  created           expires           last used         revoked");
                foreach (var t in tokens)
                {
                    cli.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{t.Prefix,-12} {t.User,-21} {Time(t.CreatedAt),-17} {Time(t.ExpiresAt),-17} {Time(t.LastUsedAt),-17} {Time(t.RevokedAt)}"));
                }

                return ExitCodes.Success;
            }, ct);
        });
        return list;
    }

    private static Command Revoke(Func<ParseResult, CliContext> context)
    {
        var prefix = new Argument<string?>("prefix") { Description = "The token's prefix as `token list` shows it (tnt_…).", Arity = ArgumentArity.ZeroOrOne };
        var user = new Option<string?>("--user") { Description = "Revoke every token of this user." };
        var revoke = new Command("revoke", "Revoke a token by its prefix, or every token of a user. Recorded in the audit trail.") { prefix, user };
        revoke.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var prefixText = parse.GetValue(prefix)?.Trim();
            var userName = parse.GetValue(user)?.Trim();
            if (string.IsNullOrEmpty(prefixText) == string.IsNullOrEmpty(userName))
            {
                return cli.Fail("Give either a token prefix or --user NAME.");
            }

            if (prefixText is not null && prefixText.Length < 8)
            {
                return cli.Fail("A prefix needs at least 8 characters (tnt_ and four more), so that it names one token.");
            }

            return await cli.WithAsync<RevokeApiTokens>(async tokens =>
            {
                var result = await tokens.RevokeAsync(
                    string.IsNullOrEmpty(prefixText) ? null : prefixText, string.IsNullOrEmpty(userName) ? null : userName, "cli:" + Environment.UserName, ct);
                if (result.Value is not { } revoked)
                {
                    return cli.Fail(result.Error is WriteError.NotFound ? $"There is no user named '{userName}'." : result.Error!.English);
                }

                if (revoked.Count == 0 && prefixText is not null)
                {
                    return cli.Fail($"No active token starts with '{prefixText}'.");
                }

                if (cli.Json)
                {
                    cli.WriteJson(new { revoked });
                }
                else
                {
                    cli.Output.WriteLine(revoked.Count == 0 ? "No active token matched." : $"Revoked: {string.Join(", ", revoked)}");
                }

                return ExitCodes.Success;
            }, ct);
        });
        return revoke;
    }

    private static string Time(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
}
