using Microsoft.EntityFrameworkCore;
using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

public class CatalogueCommandTests
{
    [Fact]
    public async Task ProgrammesSet_ChangesAProgramme_AddsALocalOne_AndRefusesIncompleteInputWithAReason()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var db = database.Uri.Display;

        var change = await CliRun.RunAsync("programmes", "set", "PKH", "--value", "900000", "--db", db);
        var local = await CliRun.RunAsync("programmes", "set", "BEASISWA-KUTIM", "--name", "Beasiswa Kutim Cerdas", "--agency", "Pemkab Kutai Timur", "--strategy", "reduce_spending", "--unit", "person", "--db", db);
        var incomplete = await CliRun.RunAsync("programmes", "set", "BARU", "--name", "Program baru", "--db", db);
        var badStrategy = await CliRun.RunAsync("programmes", "set", "PKH", "--strategy", "kurangi", "--db", db);
        var list = await CliRun.RunAsync("programmes", "--json", "--db", db);

        Assert.True(change.ExitCode == 0, change.ToString());
        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.Equal(2, incomplete.ExitCode);
        Assert.Contains("give --name, --agency, --strategy and --unit", incomplete.Error, StringComparison.Ordinal);
        Assert.Equal(2, badStrategy.ExitCode);
        var programmes = list.Json().GetProperty("programmes").EnumerateArray().ToList();
        Assert.Equal(900_000, programmes.Single(p => p.GetProperty("code").GetString() == "PKH").GetProperty("typicalValue").GetInt64());
        var beasiswa = programmes.Single(p => p.GetProperty("code").GetString() == "BEASISWA-KUTIM");
        Assert.True(beasiswa.GetProperty("local").GetBoolean());
        Assert.DoesNotContain(programmes, p => p.GetProperty("code").GetString() == "BARU");
        await using var context = database.CreateContext();
        Assert.Equal(2, await context.AuditEntries.CountAsync(e => e.Action == "programme.set" && e.Actor.StartsWith("cli:")));
    }

    [Fact]
    public async Task Needs_ListAddDisable_AndABadRuleIsRefusedWithAReason()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var db = database.Uri.Display;

        var add = await CliRun.RunAsync("needs", "add", "DISABILITAS", "--name", "Penyandang disabilitas", "--programmes", "BAZNAS", "--subject", "member",
            "--fact", "disabilitas", "--op", "in", "--values", "Ya|Tuna daksa", "--db", db);
        var badFact = await CliRun.RunAsync("needs", "add", "XX", "--name", "x", "--programmes", "PIP", "--subject", "member", "--fact", "gaji", "--op", "in", "--values", "a", "--db", db);
        var badProgramme = await CliRun.RunAsync("needs", "add", "XY", "--name", "x", "--programmes", "BLT", "--subject", "member", "--fact", "pendidikan", "--op", "in", "--values", "a", "--db", db);
        var disable = await CliRun.RunAsync("needs", "disable", "SEKOLAH", "--db", db);
        var list = await CliRun.RunAsync("needs", "list", "--json", "--db", db);

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Equal(2, badFact.ExitCode);
        Assert.Contains("'gaji' is not a fact", badFact.Error, StringComparison.Ordinal);
        Assert.Equal(2, badProgramme.ExitCode);
        Assert.Contains("no programme 'BLT'", badProgramme.Error, StringComparison.Ordinal);
        Assert.True(disable.ExitCode == 0, disable.ToString());
        var rules = list.Json().GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["DISABILITAS", "DOKUMEN", "JKN", "KERJA", "RUMAH", "SEKOLAH"], rules.Select(r => r.GetProperty("code").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.False(rules.Single(r => r.GetProperty("code").GetString() == "SEKOLAH").GetProperty("active").GetBoolean());
        Assert.Equal(["Ya", "Tuna daksa"], rules.Single(r => r.GetProperty("code").GetString() == "DISABILITAS").GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains(list.Json().GetProperty("facts").EnumerateArray(), f => f.GetProperty("name").GetString() == "kelahiran_belum_tercatat");
    }
}
