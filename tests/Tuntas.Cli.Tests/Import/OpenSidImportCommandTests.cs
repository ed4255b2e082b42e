using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Import;

/// <summary><c>tuntas import FILE --village CODE</c> with OpenSID's population workbook, and its Program Bantuan workbook in <c>tuntas interventions import</c>.</summary>
public class OpenSidImportCommandTests
{
    private static IEnumerable<string> Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    [Fact]
    public async Task PopulationWorkbook_WithVillage_PrintsTheHouseholdSummary_ExitsOne_AndReImportChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var path = OpenSidWorkbooks.Population();

        var run = await CliRun.RunAsync("import", path, "--village", "6474011001", "--json", "--db", database.Uri.Display);
        var errors = await File.ReadAllLinesAsync(path + ".errors.csv");
        var again = await CliRun.RunAsync("import", path, "--village", "64.74.01.1001", "--json", "--lang", "en", "--db", database.Uri.Display);

        Assert.True(run.ExitCode == 1, run.ToString());
        var json = run.Json();
        Assert.Equal(["file", "rows", "accepted", "rejected", "warnings", "households", "members", "errorsFile", "dryRun", "warningRows", "notLiving"], Keys(json));
        Assert.Equal((12, 6, 6, 3), (json.GetProperty("rows").GetInt32(), json.GetProperty("accepted").GetInt32(), json.GetProperty("rejected").GetInt32(), json.GetProperty("notLiving").GetInt32()));
        Assert.Equal(3, json.GetProperty("households").GetProperty("inserted").GetInt32());
        Assert.Equal(path + ".errors.csv", json.GetProperty("errorsFile").GetString());
        Assert.Contains(errors, l => l.StartsWith("5,status_dasar,\"Di OpenSID orang ini berstatus Mati (status_dasar 2)", StringComparison.Ordinal));

        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Equal((0, 0, 3), (again.Json().GetProperty("households").GetProperty("inserted").GetInt32(), again.Json().GetProperty("households").GetProperty("updated").GetInt32(), again.Json().GetProperty("households").GetProperty("unchanged").GetInt32()));
        Assert.Equal(6, again.Json().GetProperty("members").GetProperty("unchanged").GetInt32());
        await using var db = database.CreateContext();
        Assert.Equal(6, await db.People.CountAsync());
    }

    [Fact]
    public async Task PopulationWorkbook_WithoutVillage_OrVillageForAList_IsAUsageError_NothingWritten()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var csv = Path.Combine(Path.GetTempPath(), $"tuntas-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, "no_kk,kode_wilayah,nik,nama,jenis_kelamin,tanggal_lahir,hubungan\n6474010101200001,64.74.01.1001,6474011708850002,Budi Santoso,L,1985-08-17,Kepala Keluarga\n");

        var missing = await CliRun.RunAsync("import", OpenSidWorkbooks.Population(), "--json", "--db", database.Uri.Display);
        var notForList = await CliRun.RunAsync("import", csv, "--village", "64.74.01.1001", "--db", database.Uri.Display);
        var notAVillage = await CliRun.RunAsync("import", OpenSidWorkbooks.Population(), "--village", "64.74", "--db", database.Uri.Display);

        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("give the desa with --village CODE", missing.Json().GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(notForList.ExitCode == 2, notForList.ToString());
        Assert.Contains("--village is only for an OpenSID population workbook", notForList.Error, StringComparison.Ordinal);
        Assert.True(notAVillage.ExitCode == 2, notAVillage.ToString());
        Assert.Contains("--village needs the code of a desa or kelurahan", notAVillage.Error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Households.CountAsync());
    }

    [Fact]
    public async Task ProgrammeWorkbook_IsRecognised_DatedByItsStart_OrByDate()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            db.Households.AddRange(Families.ThreeFamilies());
            await db.SaveChangesAsync();
        }

        var path = OpenSidWorkbooks.ProgrammeBantuan("2", "2025-03-01", export: false, ("6474010101200001", "6474011708850002"), ("6474010101200002", "6474011708850003"));
        var exported = OpenSidWorkbooks.ProgrammeBantuan(1L, "2025-03-01", export: true, ("6474011708850002", "6474011708850002"), ("6474015505900007", "6474015505900007"));

        var run = await CliRun.RunAsync("interventions", "import", path, "--programme", "PKH", "--json", "--db", database.Uri.Display);
        var dated = await CliRun.RunAsync("interventions", "import", exported, "--programme", "PKH", "--date", "2025-04-02", "--json", "--db", database.Uri.Display);
        var badDate = await CliRun.RunAsync("interventions", "import", exported, "--programme", "PKH", "--date", "02/04/2025", "--db", database.Uri.Display);

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = run.Json();
        Assert.Equal(["file", "programme", "rows", "matched", "unmatched", "rejected", "deliveries", "followUp", "errorsFile", "dryRun"], Keys(json));
        Assert.Equal((2, 2, 2), (json.GetProperty("rows").GetInt32(), json.GetProperty("matched").GetInt32(), json.GetProperty("deliveries").GetProperty("inserted").GetInt32()));
        Assert.True(dated.ExitCode == 1, dated.ToString());
        var follow = Assert.Single(dated.Json().GetProperty("followUp").EnumerateArray());
        Assert.Equal(("nik", "6474015505900007", "2025-04-02"), (follow.GetProperty("identifier").GetString(), follow.GetProperty("number").GetString(), follow.GetProperty("date").GetString()));
        Assert.Equal(2, badDate.ExitCode);
        await using var check = database.CreateContext();
        Assert.Equal([new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1), new DateOnly(2025, 4, 2)], await check.Deliveries.OrderBy(d => d.Date).Select(d => d.Date).ToListAsync());
    }
}
