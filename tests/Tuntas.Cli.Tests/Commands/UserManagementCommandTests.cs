using Microsoft.EntityFrameworkCore;
using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

public class UserManagementCommandTests
{
    private const string Password = "kelurahan-bontang-kuala";

    private static Task<CliRun> AddAsync(TestDatabase db, string name, string password = Password) =>
        CliRun.RunWithInputAsync(password + "\n", "user", "add", "--name", name, "--role", "verifier", "--region", "64.74", "--password-stdin", "--db", db.Uri.Display);

    [Theory, DatabaseData]
    public async Task Disable_ThenEnable_ShowsInTheListAndIsAudited(TestProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, (await AddAsync(db, "dinsos.satu")).ExitCode);
        Assert.Equal(0, (await AddAsync(db, "dinsos.dua")).ExitCode);
        var stampBefore = await StampAsync(db, "dinsos.satu");

        var disable = await CliRun.RunAsync("user", "disable", "--name", "dinsos.satu", "--db", db.Uri.Display);
        var listed = await CliRun.RunAsync("user", "list", "--json", "--db", db.Uri.Display);
        var text = await CliRun.RunAsync("user", "list", "--db", db.Uri.Display);

        Assert.Equal(0, disable.ExitCode);
        Assert.Contains("User dinsos.satu disabled.", disable.Output, StringComparison.Ordinal);
        Assert.Equal(0, listed.ExitCode);
        var users = listed.Json().GetProperty("users").EnumerateArray().ToList();
        Assert.Equal(["dinsos.dua", "dinsos.satu"], users.Select(u => u.GetProperty("name").GetString()));
        Assert.True(users[1].GetProperty("disabled").GetBoolean());
        Assert.False(users[0].GetProperty("disabled").GetBoolean());
        Assert.Equal("verifier", users[1].GetProperty("role").GetString());
        Assert.Equal("64.74", users[1].GetProperty("region").GetString());
        Assert.Contains("disabled", text.Output.Split('\n').Single(l => l.StartsWith("dinsos.satu", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.NotEqual(stampBefore, await StampAsync(db, "dinsos.satu"));

        var enable = await CliRun.RunAsync("user", "enable", "--name", "dinsos.satu", "--db", db.Uri.Display);
        var after = await CliRun.RunAsync("user", "list", "--json", "--db", db.Uri.Display);

        Assert.Equal(0, enable.ExitCode);
        Assert.All(after.Json().GetProperty("users").EnumerateArray(), u => Assert.False(u.GetProperty("disabled").GetBoolean()));
        await using var context = db.CreateContext();
        var actions = await context.AuditEntries.Select(a => a.Action).ToListAsync();
        Assert.Contains("user.disable", actions);
        Assert.Contains("user.enable", actions);
    }

    [Theory, DatabaseData]
    public async Task ResetPassword_SetsANewHash_AndRefusesACommonOne(TestProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, (await AddAsync(db, "dinsos.tiga")).ExitCode);
        var hashBefore = await HashAsync(db, "dinsos.tiga");

        var common = await CliRun.RunWithInputAsync("password1234\n", "user", "reset-password", "--name", "dinsos.tiga", "--password-stdin", "--db", db.Uri.Display);
        Assert.Equal(2, common.ExitCode);
        Assert.Contains("many people use", common.Error, StringComparison.Ordinal);
        Assert.Equal(hashBefore, await HashAsync(db, "dinsos.tiga"));

        var good = await CliRun.RunWithInputAsync("sungai-mahakam-pagi-hari\n", "user", "reset-password", "--name", "dinsos.tiga", "--password-stdin", "--db", db.Uri.Display);
        Assert.Equal(0, good.ExitCode);
        Assert.NotEqual(hashBefore, await HashAsync(db, "dinsos.tiga"));

        var nobody = await CliRun.RunWithInputAsync("sungai-mahakam-pagi-hari\n", "user", "reset-password", "--name", "tidak.ada", "--password-stdin", "--db", db.Uri.Display);
        Assert.Equal(2, nobody.ExitCode);
        Assert.Contains("There is no user named 'tidak.ada'", nobody.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password1234", "many people use")]
    [InlineData("tuntas123456", "many people use")]
    [InlineData("bismillah123", "many people use")]
    [InlineData("Indonesia2024", "many people use")]
    [InlineData("dinsos.empat-rahasia", "must not contain the user name")]
    public async Task UserAdd_RefusesCommonPasswordsAndTheName(string password, string reason)
    {
        await using var db = await TestDatabase.CreateAsync(TestProvider.Sqlite);

        var run = await AddAsync(db, "dinsos.empat", password);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        await using var context = db.CreateContext();
        Assert.False(await context.Users.AnyAsync());
    }

    private static async Task<string?> StampAsync(TestDatabase db, string name)
    {
        await using var context = db.CreateContext();
        return (await context.Users.SingleAsync(u => u.UserName == name)).SecurityStamp;
    }

    private static async Task<string?> HashAsync(TestDatabase db, string name)
    {
        await using var context = db.CreateContext();
        return (await context.Users.SingleAsync(u => u.UserName == name)).PasswordHash;
    }
}
