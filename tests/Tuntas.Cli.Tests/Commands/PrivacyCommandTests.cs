using Tuntas.Data.Access;
using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

public class PrivacyCommandTests
{
    [Theory, DatabaseData]
    public async Task PrivacyViews_FiltersByUserHouseholdAndDays(TestProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.CreateContext())
        {
            context.PersonalDataViews.AddRange(
                new PersonalDataView { UserName = "op.satu", Role = "operator", Action = PersonalDataLog.HouseholdPage, Subject = "6474010101200001", Region = "64.74.01.1001", At = new DateTime(2025, 4, 9, 6, 0, 0, DateTimeKind.Utc) },
                new PersonalDataView { UserName = "bappeda", Role = "analyst", Action = PersonalDataLog.ListExport, Subject = "extremePoor 2025-04-09 csv", Region = "64.74", Count = 7, At = new DateTime(2025, 4, 10, 6, 0, 0, DateTimeKind.Utc) },
                new PersonalDataView { UserName = "op.satu", Role = "operator", Action = PersonalDataLog.HouseholdApi, Subject = "6474010101200002", Region = "64.74.01.1001", At = new DateTime(2025, 4, 11, 6, 0, 0, DateTimeKind.Utc) });
            await context.SaveChangesAsync();
        }

        var all = await CliRun.RunAsync("privacy", "views", "--json", "--db", db.Uri.Display);
        var byUser = await CliRun.RunAsync("privacy", "views", "--user", "op.satu", "--json", "--db", db.Uri.Display);
        var byHousehold = await CliRun.RunAsync("privacy", "views", "--household", "6474.0101.0120.0001", "--json", "--db", db.Uri.Display);
        var byDays = await CliRun.RunAsync("privacy", "views", "--from", "2025-04-10", "--to", "2025-04-10", "--json", "--db", db.Uri.Display);
        var badDay = await CliRun.RunAsync("privacy", "views", "--from", "10-04-2025", "--db", db.Uri.Display);

        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Equal(["6474010101200002", "extremePoor 2025-04-09 csv", "6474010101200001"],
            all.Json().GetProperty("views").EnumerateArray().Select(v => v.GetProperty("subject").GetString()!).ToArray());
        Assert.Equal(2, byUser.Json().GetProperty("views").GetArrayLength());
        var one = Assert.Single(byHousehold.Json().GetProperty("views").EnumerateArray());
        Assert.Equal("household.page", one.GetProperty("action").GetString());
        var day = Assert.Single(byDays.Json().GetProperty("views").EnumerateArray());
        Assert.Equal(7, day.GetProperty("count").GetInt32());
        Assert.Equal("analyst", day.GetProperty("role").GetString());
        Assert.Equal(2, badDay.ExitCode);
    }

    [Theory, DatabaseData]
    public async Task PrivacyViews_NamesEachActionInWords_AndFiltersByAction(TestProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.CreateContext())
        {
            context.PersonalDataViews.AddRange(
                new PersonalDataView { UserName = "op.satu", Role = "operator", Action = PersonalDataLog.TasksPage, Subject = "/tugas", Region = "64.74.01.1001", Count = 3, At = new DateTime(2025, 4, 9, 6, 0, 0, DateTimeKind.Utc) },
                new PersonalDataView { UserName = "dinsos", Role = "verifier", Action = PersonalDataLog.ConvergenceExport, Subject = "64.74 2025-04-10", Region = "64.74", Count = 40, At = new DateTime(2025, 4, 10, 6, 0, 0, DateTimeKind.Utc) });
            await context.SaveChangesAsync();
        }

        var text = await CliRun.RunAsync("privacy", "views", "--db", db.Uri.Display);
        var exports = await CliRun.RunAsync("privacy", "views", "--action", "convergence.export", "--json", "--db", db.Uri.Display);
        var unknown = await CliRun.RunAsync("privacy", "views", "--action", "everything", "--db", db.Uri.Display);

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("visit tasks", text.Output, StringComparison.Ordinal);
        Assert.Contains("convergence download", text.Output, StringComparison.Ordinal);
        var one = Assert.Single(exports.Json().GetProperty("views").EnumerateArray());
        Assert.Equal(("dinsos", "convergence download", true), (one.GetProperty("user").GetString(), one.GetProperty("what").GetString(), one.GetProperty("export").GetBoolean()));
        Assert.Equal(2, unknown.ExitCode);
    }
}
