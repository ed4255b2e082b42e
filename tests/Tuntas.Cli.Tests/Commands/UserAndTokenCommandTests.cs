using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

public class UserAndTokenCommandTests
{
    [Theory, DatabaseData]
    public async Task UserAdd_ThenTokenCreate_StoresNeitherInClear(TestProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        const string password = "kelurahan-bontang-kuala";

        var add = await CliRun.RunWithInputAsync(password + "\n", "user", "add", "--name", "op.bontangkuala", "--role", "operator", "--region", "6474011001", "--password-stdin", "--json", "--db", db.Uri.Display);
        var token = await CliRun.RunAsync("token", "create", "--user", "op.bontangkuala", "--json", "--db", db.Uri.Display);

        Assert.Equal(0, add.ExitCode);
        Assert.Equal("64.74.01.1001", add.Json().GetProperty("user").GetProperty("region").GetString());
        Assert.Equal(0, token.ExitCode);
        var tokenText = token.Json().GetProperty("token").GetString()!;
        Assert.StartsWith("tnt_", tokenText, StringComparison.Ordinal);

        await using var context = db.CreateContext();
        var user = await context.Users.SingleAsync(u => u.UserName == "op.bontangkuala");
        var stored = await context.ApiTokens.SingleAsync();
        Assert.DoesNotContain(password, user.PasswordHash!, StringComparison.Ordinal);
        Assert.NotEqual(tokenText, stored.TokenHash);
        Assert.Equal(ApiTokens.Hash(tokenText), stored.TokenHash);
    }

    [Theory]
    [InlineData("operator", "64.74", "scoped to a village")]
    [InlineData("verifier", null, "needs a regency region")]
    [InlineData("boss", "64.74", "Unknown role")]
    [InlineData("operator", "64.74.01.9999", "not in the region list")]

    // A facilitator's scope is one kecamatan: neither a village (nor a list of households) nor a regency.
    [InlineData("facilitator", "64.74.01.1001", "scoped to a district")]
    [InlineData("facilitator", "64.74", "scoped to a district")]
    [InlineData("facilitator", null, "needs a district region")]
    public async Task UserAdd_RoleAndRegionMustFit(string role, string? region, string reason)
    {
        await using var db = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var args = new List<string> { "user", "add", "--name", "someone", "--role", role, "--password-stdin", "--db", db.Uri.Display };
        if (region is not null)
        {
            args.AddRange(["--region", region]);
        }

        var run = await CliRun.RunWithInputAsync("a-long-enough-password\n", [.. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        await using var context = db.CreateContext();
        Assert.False(await context.Users.AnyAsync());
    }

    [Fact]
    public async Task UserAdd_AgencyWithProgramme_KeepsTheProgramme()
    {
        await using var db = await TestDatabase.CreateAsync(TestProvider.Sqlite);

        var run = await CliRun.RunWithInputAsync("a-long-enough-password\n", "user", "add", "--name", "perkim.bontang", "--role", "agency", "--region", "64.74", "--programme", "rtlh", "--password-stdin", "--json", "--db", db.Uri.Display);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("RTLH", run.Json().GetProperty("user").GetProperty("programme").GetString());
        await using var context = db.CreateContext();
        Assert.Equal("RTLH", (await context.Users.SingleAsync()).ProgrammeCode);
    }

    [Theory]
    [InlineData("agency", "BEDAH-RUMAH", "There is no programme 'BEDAH-RUMAH'. Known programmes: ADMINDUK, BAZNAS")]
    [InlineData("verifier", "RTLH", "Only an agency officer is tied to one programme")]
    public async Task UserAdd_ProgrammeMustExistAndFitTheRole(string role, string programme, string reason)
    {
        await using var db = await TestDatabase.CreateAsync(TestProvider.Sqlite);

        var run = await CliRun.RunWithInputAsync("a-long-enough-password\n", "user", "add", "--name", "someone", "--role", role, "--region", "64.74", "--programme", programme, "--password-stdin", "--db", db.Uri.Display);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        await using var context = db.CreateContext();
        Assert.False(await context.Users.AnyAsync());
    }

    [Fact]
    public async Task UserAdd_ShortPassword_IsRefused()
    {
        await using var db = await TestDatabase.CreateAsync(TestProvider.Sqlite);

        var run = await CliRun.RunWithInputAsync("short\n", "user", "add", "--name", "admin2", "--role", "admin", "--password-stdin", "--db", db.Uri.Display);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("at least 12 characters", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenCreate_UnknownUser_IsAUsageError()
    {
        await using var db = await TestDatabase.CreateAsync(TestProvider.Sqlite);

        var run = await CliRun.RunAsync("token", "create", "--user", "nobody", "--db", db.Uri.Display);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no user named 'nobody'", run.Error, StringComparison.Ordinal);
    }
}
