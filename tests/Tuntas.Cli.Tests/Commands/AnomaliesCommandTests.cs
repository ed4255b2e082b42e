using System.Text.Json;
using Tuntas.Domain.Registry;
using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

public class AnomaliesCommandTests
{
    [Fact]
    public async Task Anomalies_PrintsTheFlagsAsOneJsonObject_AndRefusesBadInputWithExit2()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            db.Households.Add(Families.Family("6474010101200001", "64.74.01.1001", ("6474011708850002", "Budi Santoso", FamilyRelation.KepalaKeluarga)));
            await db.SaveChangesAsync();

            // An imported history: listed, verified and graduated with no visit and no delivery behind it.
            await ImportedHistory.ChangeAsync(db, "6474010101200001", HouseholdStatus.Registered, HouseholdStatus.Listed, new DateOnly(2024, 1, 10), "sistem:klasifikasi");
            await ImportedHistory.ChangeAsync(db, "6474010101200001", HouseholdStatus.Listed, HouseholdStatus.Verified, new DateOnly(2024, 2, 10), "petugas.impor");
            await ImportedHistory.ChangeAsync(db, "6474010101200001", HouseholdStatus.Verified, HouseholdStatus.Graduated, new DateOnly(2025, 3, 1), "petugas.impor");
        }

        var uri = database.Uri.Display;
        var json = await CliRun.RunAsync("anomalies", "--region", "64.74", "--json", "--db", uri);
        var table = await CliRun.RunAsync("anomalies", "--region", "64.74.01", "--db", uri);
        var before = await CliRun.RunAsync("anomalies", "--region", "64.74", "--to", "2025-02-28", "--json", "--db", uri);
        var badDate = await CliRun.RunAsync("anomalies", "--region", "64.74", "--from", "1 Maret 2025", "--json", "--db", uri);
        var reversed = await CliRun.RunAsync("anomalies", "--region", "64.74", "--from", "2025-03-01", "--to", "2025-01-01", "--db", uri);
        var unknown = await CliRun.RunAsync("anomalies", "--region", "64.99", "--db", uri);
        var missing = await CliRun.RunAsync("anomalies", "--db", uri);

        Assert.True(json.ExitCode == 0, json.ToString());
        var root = json.Json();
        Assert.Equal(["flags"], root.EnumerateObject().Select(p => p.Name));
        var flags = root.GetProperty("flags").EnumerateArray().ToList();
        Assert.All(flags, f => Assert.Equal(["kind", "region", "noKk", "detail", "severity"], f.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(
            [("exit-without-visit", "64.74.01.1001", "6474010101200001", "high"), ("graduation-without-intervention", "64.74.01.1001", "6474010101200001", "medium")],
            flags.Select(f => (f.GetProperty("kind").GetString(), f.GetProperty("region").GetString(), f.GetProperty("noKk").GetString(), f.GetProperty("severity").GetString())));
        Assert.Equal("Left the list (graduated on 1 March 2025) with no field visit recorded behind it.", flags[0].GetProperty("detail").GetString());

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("exit-without-visit (high): 1", table.Output, StringComparison.Ordinal);
        Assert.Contains("6474010101200001", table.Output, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, before.Json().GetProperty("flags").ValueKind);
        Assert.Empty(before.Json().GetProperty("flags").EnumerateArray());

        Assert.Equal(2, badDate.ExitCode);
        Assert.Contains("--from", badDate.Error, StringComparison.Ordinal);
        Assert.Contains("YYYY-MM-DD", badDate.Error, StringComparison.Ordinal);
        Assert.Equal(2, reversed.ExitCode);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("64.99", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
    }
}
