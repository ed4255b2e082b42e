using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

public class InterventionsCommandTests
{
    private static IEnumerable<string> Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    private static string List(params string[] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tuntas-pkh-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "nik;no_kk;tanggal;nilai;keterangan\n" + string.Join("\n", rows) + "\n");
        return path;
    }

    [Fact]
    public async Task InterventionsImport_Json_SummarisesTheList_ExitsOneWhenSomethingIsUnmatchedOrRejected_AndZeroWhenAllMatch()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            db.Households.AddRange(Families.ThreeFamilies());
            await db.SaveChangesAsync();
        }

        var mixed = List(
            "6474011708850002;;2025-03-15;750000;PKH tahap I",
            ";6474010101200002;2025-03-15;750000;PKH tahap I",
            "6474015505900007;;2025-03-15;750000;tidak dikenal",
            "6474011708850003;;2099-03-15;750000;tanggal salah");
        var run = await CliRun.RunAsync("interventions", "import", mixed, "--programme", "pkh", "--json", "--db", database.Uri.Display);
        var again = await CliRun.RunAsync("interventions", "import", mixed, "--programme", "PKH", "--json", "--db", database.Uri.Display);
        var clean = await CliRun.RunAsync("interventions", "import", List("6408011708850005;;2025-03-15;750000;"), "--programme", "PKH", "--json", "--db", database.Uri.Display);

        Assert.True(run.ExitCode == 1, run.ToString());
        var json = run.Json();
        Assert.Equal(["file", "programme", "rows", "matched", "unmatched", "rejected", "deliveries", "followUp", "errorsFile", "dryRun"], Keys(json));
        Assert.Equal((4, 2, 1, 1), (json.GetProperty("rows").GetInt32(), json.GetProperty("matched").GetInt32(), json.GetProperty("unmatched").GetInt32(), json.GetProperty("rejected").GetInt32()));
        Assert.Equal("PKH", json.GetProperty("programme").GetString());
        Assert.Equal("6474015505900007", json.GetProperty("followUp")[0].GetProperty("number").GetString());
        Assert.True(File.Exists(json.GetProperty("errorsFile").GetString()));
        Assert.Equal(1, again.ExitCode);
        Assert.Equal(0, again.Json().GetProperty("deliveries").GetProperty("inserted").GetInt32());
        Assert.Equal(2, again.Json().GetProperty("deliveries").GetProperty("unchanged").GetInt32());
        Assert.True(clean.ExitCode == 0, clean.ToString());
        await using var check = database.CreateContext();
        Assert.Equal(3, await check.Deliveries.CountAsync());
    }

    [Fact]
    public async Task InterventionsImport_UnknownProgrammeOrMissingFile_IsAUsageError()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);

        var unknown = await CliRun.RunAsync("interventions", "import", List("6474011708850002;;2025-03-15;1;"), "--programme", "BLT", "--json", "--db", database.Uri.Display);
        var missing = await CliRun.RunAsync("interventions", "import", "/tmp/tidak-ada.csv", "--programme", "PKH", "--db", database.Uri.Display);

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("There is no programme 'BLT'", unknown.Json().GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
    }
}
