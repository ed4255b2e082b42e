using Microsoft.EntityFrameworkCore;
using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

public class TokenListRevokeCommandTests
{
    private static async Task<string> UserWithTokenAsync(TestDatabase db, string name)
    {
        var add = await CliRun.RunWithInputAsync("a-long-enough-password\n", "user", "add", "--name", name, "--role", "operator", "--region", "64.74.01.1001", "--password-stdin", "--db", db.Uri.Display);
        Assert.True(add.ExitCode == 0, add.ToString());
        var token = await CliRun.RunAsync("token", "create", "--user", name, "--json", "--db", db.Uri.Display);
        return token.Json().GetProperty("token").GetString()!;
    }

    [Theory, DatabaseData]
    public async Task TokenList_ShowsPrefixAndTimes_NeverTheToken(TestProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var first = await UserWithTokenAsync(db, "op.satu");
        var second = await UserWithTokenAsync(db, "op.dua");

        var all = await CliRun.RunAsync("token", "list", "--json", "--db", db.Uri.Display);
        var one = await CliRun.RunAsync("token", "list", "--user", "op.dua", "--json", "--db", db.Uri.Display);
        var text = await CliRun.RunAsync("token", "list", "--db", db.Uri.Display);

        Assert.Equal(0, all.ExitCode);
        Assert.Equal(2, all.Json().GetProperty("tokens").GetArrayLength());
        var only = Assert.Single(one.Json().GetProperty("tokens").EnumerateArray());
        Assert.Equal("op.dua", only.GetProperty("user").GetString());
        Assert.Equal(second[..10], only.GetProperty("prefix").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, only.GetProperty("expiresAt").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, only.GetProperty("revokedAt").ValueKind);
        foreach (var output in new[] { all.Output, one.Output, text.Output })
        {
            Assert.DoesNotContain(first, output, StringComparison.Ordinal);
            Assert.DoesNotContain(second, output, StringComparison.Ordinal);
        }

        Assert.Contains(first[..10], text.Output, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task TokenRevoke_ByPrefixOrUser_SetsRevokedAndIsAudited(TestProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var first = await UserWithTokenAsync(db, "op.satu");
        var second = await UserWithTokenAsync(db, "op.dua");

        var byPrefix = await CliRun.RunAsync("token", "revoke", first[..10], "--json", "--db", db.Uri.Display);
        var byUser = await CliRun.RunAsync("token", "revoke", "--user", "op.dua", "--json", "--db", db.Uri.Display);
        var again = await CliRun.RunAsync("token", "revoke", first[..10], "--db", db.Uri.Display);
        var neither = await CliRun.RunAsync("token", "revoke", "--db", db.Uri.Display);

        Assert.True(byPrefix.ExitCode == 0, byPrefix.ToString());
        Assert.Equal(first[..10], byPrefix.Json().GetProperty("revoked")[0].GetString());
        Assert.Equal(second[..10], byUser.Json().GetProperty("revoked")[0].GetString());
        Assert.Equal(2, again.ExitCode);
        Assert.Equal(2, neither.ExitCode);
        await using var context = db.CreateContext();
        Assert.All(await context.ApiTokens.ToListAsync(), t => Assert.NotNull(t.RevokedAt));
        Assert.Equal(2, await context.AuditEntries.CountAsync(e => e.Action == "token.revoke"));
        var verify = await CliRun.RunAsync("audit", "verify", "--db", db.Uri.Display);
        Assert.Equal(0, verify.ExitCode);
    }
}
