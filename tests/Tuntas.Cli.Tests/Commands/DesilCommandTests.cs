using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Registry;
using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

public class DesilCommandTests
{
    private static string Ranking(params string[] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tuntas-desil-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "Nomor KK;NIK;Desil;Nama\n" + string.Join("\n", rows) + "\n");
        return path;
    }

    [Fact]
    public async Task DesilImport_Json_SummarisesTheRanking_ExitsOneWhenARowIsRefusedOrUnmatched_AndZeroWhenAllMatch()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            db.Households.AddRange(Families.ThreeFamilies());
            await db.SaveChangesAsync();
        }

        var mixed = Ranking(
            "6474010101200001;6474011708850002;Desil 1;Budi Santoso",
            "6474010101999999;;2;Keluarga Baru",
            "6474010101200002;6474011708850003;sebelas;Agus Salim");
        var run = await CliRun.RunAsync("desil", "import", mixed, "--version", "2026-01-15", "--source", "DTSEN", "--json", "--db", database.Uri.Display);
        var again = await CliRun.RunAsync("desil", "import", mixed, "--version", "2026-01-15", "--source", "DTSEN", "--json", "--db", database.Uri.Display);
        var clean = await CliRun.RunAsync("desil", "import", Ranking("6474010101200002;;DESIL 4;Agus Salim"), "--version", "2026-01-15", "--source", "DTSEN", "--json", "--db", database.Uri.Display);

        Assert.True(run.ExitCode == 1, run.ToString());
        var json = run.Json();
        Assert.Equal((3, 2, 1, 1), (json.GetProperty("rows").GetInt32(), json.GetProperty("accepted").GetInt32(), json.GetProperty("rejected").GetInt32(), json.GetProperty("unmatched").GetInt32()));
        Assert.Equal((1, 0), (json.GetProperty("households").GetProperty("updated").GetInt32(), json.GetProperty("households").GetProperty("unchanged").GetInt32()));
        Assert.Equal(("DTSEN", "2026-01-15", 1), (json.GetProperty("source").GetString(), json.GetProperty("version").GetString(), json.GetProperty("listed").GetInt32()));
        var errors = File.ReadAllText(json.GetProperty("errorsFile").GetString()!);
        Assert.Contains("desil 'sebelas' tidak dikenali", errors, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Equal((0, 1), (again.Json().GetProperty("households").GetProperty("updated").GetInt32(), again.Json().GetProperty("households").GetProperty("unchanged").GetInt32()));
        Assert.True(clean.ExitCode == 0, clean.ToString());

        await using var check = database.CreateContext();
        var first = await check.Households.AsNoTracking().SingleAsync(h => h.NoKk == NomorKk.From("6474010101200001"));
        Assert.Equal((HouseholdStatus.Listed, (int?)1, "DTSEN", "2026-01-15"), (first.Status, first.Desil, first.DesilSource, first.DesilPeriod));

        // The figures name the desil version they used.
        var stats = await CliRun.RunAsync("stats", "--region", "64.74", "--at", "2026-02-01", "--json", "--db", database.Uri.Display);
        var before = await CliRun.RunAsync("stats", "--region", "64.74", "--at", "2026-01-14", "--json", "--db", database.Uri.Display);
        Assert.Equal("DTSEN", stats.Json().GetProperty("desil").GetProperty("source").GetString());
        Assert.Equal("2026-01-15", stats.Json().GetProperty("desil").GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Null, before.Json().GetProperty("desil").ValueKind);
    }

    [Fact]
    public async Task DesilImport_MissingFileFutureVersionOrNoDesilColumn_IsAUsageError_AndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var ranking = Ranking("6474010101200001;;1;Budi");
        var noDesil = Path.Combine(Path.GetTempPath(), $"tuntas-desil-{Guid.NewGuid():N}.csv");
        File.WriteAllText(noDesil, "Nomor KK;Nama\n6474010101200001;Budi\n");

        var missing = await CliRun.RunAsync("desil", "import", "/tmp/tidak-ada.xlsx", "--version", "2026-01-15", "--source", "DTSEN", "--db", database.Uri.Display);
        var future = await CliRun.RunAsync("desil", "import", ranking, "--version", "2099-01-15", "--source", "DTSEN", "--db", database.Uri.Display);
        var badDate = await CliRun.RunAsync("desil", "import", ranking, "--version", "15 Januari", "--source", "DTSEN", "--db", database.Uri.Display);
        var noColumn = await CliRun.RunAsync("desil", "import", noDesil, "--version", "2026-01-15", "--source", "DTSEN", "--db", database.Uri.Display);

        Assert.Equal([2, 2, 2, 2], new[] { missing.ExitCode, future.ExitCode, badDate.ExitCode, noColumn.ExitCode });
        Assert.Contains("belum tiba", future.Error, StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.Equal(0, await check.DesilImports.CountAsync());
    }
}
