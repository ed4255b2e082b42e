using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

public class ProgrammesCommandTests
{
    [Fact]
    public async Task Programmes_Json_ListsTheShippedCatalogueWithCodes()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);

        var run = await CliRun.RunAsync("programmes", "--json", "--db", database.Uri.Display);

        Assert.True(run.ExitCode == 0, run.ToString());
        var programmes = run.Json().GetProperty("programmes").EnumerateArray().ToList();
        Assert.Equal(
            ["ADMINDUK", "BAZNAS", "CSR", "MODAL-USAHA", "PADAT-KARYA", "PBI-JK", "PELATIHAN", "PIP", "PKH", "RTLH", "SEMBAKO"],
            programmes.Select(p => p.GetProperty("code").GetString()).Order(StringComparer.Ordinal));
        var padatKarya = programmes.Single(p => p.GetProperty("code").GetString() == "PADAT-KARYA");
        Assert.Equal("Disnakertrans", padatKarya.GetProperty("agency").GetString());
        Assert.Equal("raise_income", padatKarya.GetProperty("strategy").GetString());
        Assert.Equal("person", padatKarya.GetProperty("unit").GetString());
        Assert.True(programmes.Single(p => p.GetProperty("code").GetString() == "PKH").GetProperty("povertyTargeted").GetBoolean());
    }
}
