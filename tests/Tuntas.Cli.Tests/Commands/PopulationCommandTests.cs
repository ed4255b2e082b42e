using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

public class PopulationCommandTests
{
    [Fact]
    public async Task PopulationImport_KeepsTheValidRows_AndExits1WithAnErrorsFile_WhenARowIsBad()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var path = Path.Combine(Directory.CreateTempSubdirectory("tuntas-population-cli-").FullName, "penduduk.csv");
        await File.WriteAllTextAsync(path, "kode_wilayah,tahun,jiwa\n64.08.01,2024,21000\n64.08.03,2024,-1\n");

        var run = await CliRun.RunAsync("population", "import", path, "--json", "--db", database.Uri.Display);

        Assert.True(run.ExitCode == 1, run.ToString());
        var json = run.Json();
        Assert.Equal(2, json.GetProperty("rows").GetInt32());
        Assert.Equal(1, json.GetProperty("accepted").GetInt32());
        Assert.Equal(1, json.GetProperty("rejected").GetInt32());
        Assert.Equal(1, json.GetProperty("population").GetProperty("inserted").GetInt32());
        Assert.Equal(path + ".errors.csv", json.GetProperty("errorsFile").GetString());
        Assert.Contains("3,jiwa,", await File.ReadAllTextAsync(path + ".errors.csv"), StringComparison.Ordinal);

        await File.WriteAllTextAsync(path, "kode_wilayah,tahun,jiwa\n64.08.01,2024,21500\n");
        var again = await CliRun.RunAsync("population", "import", path, "--json", "--db", database.Uri.Display);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(1, again.Json().GetProperty("population").GetProperty("updated").GetInt32());
    }
}
