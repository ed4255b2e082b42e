using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

public class TargetsCommandTests
{
    [Fact]
    public async Task TargetsSet_IsShownByStats_ANewerTargetForTheSameDateWins_AndBadInputIsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var db = database.Uri.Display;

        var first = await CliRun.RunAsync("targets", "set", "--region", "64.74", "--date", "2026-12-31", "--households", "3", "--db", db);
        var second = await CliRun.RunAsync("targets", "set", "--region", "64.74", "--date", "2026-12-31", "--households", "0", "--db", db);
        var negative = await CliRun.RunAsync("targets", "set", "--region", "64.74", "--date", "2026-12-31", "--households", "-1", "--db", db);
        var unknown = await CliRun.RunAsync("targets", "set", "--region", "64.99", "--date", "2026-12-31", "--households", "0", "--db", db);
        var badDate = await CliRun.RunAsync("targets", "set", "--region", "64.74", "--date", "31-12-2026", "--households", "0", "--db", db);
        var stats = await CliRun.RunAsync("stats", "--region", "64.74", "--at", "2026-06-30", "--json", "--db", db);
        var list = await CliRun.RunAsync("targets", "list", "--region", "64", "--json", "--db", db);

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first + "\n" + second);
        Assert.Equal(2, negative.ExitCode);
        Assert.Contains("negative", negative.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal(2, badDate.ExitCode);
        var target = stats.Json().GetProperty("target");
        Assert.Equal(("2026-12-31", 0), (target.GetProperty("date").GetString(), target.GetProperty("households").GetInt32()));
        Assert.Equal(2, list.Json().GetProperty("targets").GetArrayLength());
    }
}
