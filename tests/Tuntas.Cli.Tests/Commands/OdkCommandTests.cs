using Microsoft.EntityFrameworkCore;
using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

public class OdkCommandTests
{
    [Theory, DatabaseData]
    public async Task OdkToken_Json_PrintsAnOdkToken_ListedAndRevokedLikeApiTokens(TestProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var add = await CliRun.RunWithInputAsync("a-long-enough-password\n", "user", "add", "--name", "op.odk", "--role", "operator", "--region", "64.74.01.1001", "--password-stdin", "--db", db.Uri.Display);
        Assert.True(add.ExitCode == 0, add.ToString());

        var created = await CliRun.RunAsync("odk", "token", "--user", "op.odk", "--json", "--db", db.Uri.Display);
        var nobody = await CliRun.RunAsync("odk", "token", "--user", "nobody", "--json", "--db", db.Uri.Display);

        Assert.True(created.ExitCode == 0, created.ToString());
        var token = created.Json().GetProperty("token").GetString()!;
        Assert.StartsWith("odk_", token, StringComparison.Ordinal);
        Assert.Matches("^odk_[A-Za-z0-9_-]{40,}$", token);
        Assert.Equal(2, nobody.ExitCode);
        var list = await CliRun.RunAsync("token", "list", "--user", "op.odk", "--json", "--db", db.Uri.Display);
        Assert.Equal(token[..10], Assert.Single(list.Json().GetProperty("tokens").EnumerateArray()).GetProperty("prefix").GetString());
        Assert.DoesNotContain(token, list.Output, StringComparison.Ordinal);

        var revoked = await CliRun.RunAsync("token", "revoke", "--user", "op.odk", "--json", "--db", db.Uri.Display);
        Assert.Equal(token[..10], revoked.Json().GetProperty("revoked")[0].GetString());
        await using var context = db.CreateContext();
        Assert.NotNull((await context.ApiTokens.SingleAsync()).RevokedAt);
    }
}
