using System.Text.Json;
using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

/// <summary>Commands over the demo scenario, loaded once for the class (it takes seconds).</summary>
public class DemoScenarioCommandTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private static IEnumerable<string> Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    [Fact]
    public async Task Gaps_OnTheDemo_BontangsSevenAreAllReached_KutaiTimurHasGaps()
    {

        var bontang = await CliRun.RunAsync("gaps", "--region", "64.74", "--at", "2025-04-09", "--json", "--db", demo.Uri);
        var kutim = await CliRun.RunAsync("gaps", "--region", "64.08", "--at", "2024-06-30", "--json", "--db", demo.Uri);
        var stats = await CliRun.RunAsync("stats", "--region", "64.74", "--at", "2025-04-09", "--json", "--db", demo.Uri);
        var badDate = await CliRun.RunAsync("gaps", "--region", "64.74", "--at", "9 April", "--json", "--db", demo.Uri);

        Assert.True(bontang.ExitCode == 0, bontang.ToString());
        var json = bontang.Json();
        Assert.Equal(["region", "regionName", "at", "extremePoorHouseholds", "withoutAnyIntervention", "inHandling", "byStrategy", "missingNeeded", "leakage"], Keys(json));
        Assert.Equal(("64.74", "2025-04-09", 7, 0, 7), (json.GetProperty("region").GetString(), json.GetProperty("at").GetString(),
            json.GetProperty("extremePoorHouseholds").GetInt32(), json.GetProperty("withoutAnyIntervention").GetInt32(), json.GetProperty("inHandling").GetInt32()));
        Assert.Equal(["reduce_spending", "raise_income", "reduce_pockets"], Keys(json.GetProperty("byStrategy")));
        Assert.Equal(7, json.GetProperty("byStrategy").GetProperty("reduce_spending").GetInt32());
        Assert.Contains(json.GetProperty("missingNeeded").EnumerateArray(), m => m.GetProperty("programme").GetString() == "RTLH");
        Assert.All(json.GetProperty("missingNeeded").EnumerateArray(), m => Assert.Equal(["programme", "need", "name", "alternatives", "households"], Keys(m)));
        Assert.Equal(7, stats.Json().GetProperty("extremePoor").GetProperty("inHandling").GetInt32());

        var k = kutim.Json();
        Assert.True(k.GetProperty("extremePoorHouseholds").GetInt32() > 900);
        Assert.InRange(k.GetProperty("withoutAnyIntervention").GetInt32(), 1, k.GetProperty("extremePoorHouseholds").GetInt32() - 1);
        Assert.True(k.GetProperty("leakage").GetInt32() > 0, kutim.Output);
        Assert.Equal(2, badDate.ExitCode);
    }

    [Fact]
    public async Task Anomalies_OnTheDemo_BontangsCleanHistoryRaisesNoFlag()
    {
        var bontang = await CliRun.RunAsync("anomalies", "--region", "64.74", "--json", "--db", demo.Uri);
        var kaltim = await CliRun.RunAsync("anomalies", "--region", "64", "--from", "2022-01-01", "--to", "2025-12-31", "--db", demo.Uri);

        Assert.True(bontang.ExitCode == 0, bontang.ToString());
        Assert.Equal(0, bontang.Json().GetProperty("flags").GetArrayLength());
        Assert.True(kaltim.ExitCode == 0, kaltim.ToString());
        Assert.Contains("Kalimantan Timur (64), 2022-01-01 to 2025-12-31: 0 anomaly flag(s)", kaltim.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReportPackage_ExportedFromBontang_ImportedIntoAFreshProvinceDatabase_ShowsItsSevenInTheConsolidation()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"tuntas-report-{Guid.NewGuid():N}");
        await using var province = await TestDatabase.CreateAsync(TestProvider.Sqlite);

        var export = await CliRun.RunAsync("report", "export", "--region", "64.74", "--at", "2025-04-09", "--out", folder, "--json", "--db", demo.Uri);
        var path = Path.Combine(folder, "64.74-2025-04-09.json");
        var import = await CliRun.RunAsync("report", "import", path, "--json", "--db", province.Uri.Display);
        var again = await CliRun.RunAsync("report", "import", path, "--json", "--db", province.Uri.Display);
        var consolidated = await CliRun.RunAsync("report", "province", "--region", "64", "--at", "2025-04-09", "--json", "--db", province.Uri.Display);
        var before = await CliRun.RunAsync("report", "province", "--region", "64", "--at", "2025-04-08", "--json", "--db", province.Uri.Display);
        var atHome = await CliRun.RunAsync("report", "province", "--region", "64", "--at", "2025-04-09", "--json", "--db", demo.Uri);

        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.True(File.Exists(Path.Combine(folder, "64.74-2025-04-09.xlsx")));
        using (var package = JsonDocument.Parse(await File.ReadAllTextAsync(path)))
        {
            var content = package.RootElement.GetProperty("content");
            Assert.Equal(7, content.GetProperty("headline").GetProperty("extremePoor").GetProperty("households").GetInt32());
            Assert.Equal(7, content.GetProperty("districts").EnumerateArray().Sum(d => d.GetProperty("extremePoorHouseholds").GetInt32()));
            Assert.Equal(7, content.GetProperty("villages").EnumerateArray().Sum(d => d.GetProperty("extremePoorHouseholds").GetInt32()));
            Assert.Contains(content.GetProperty("deliveries").EnumerateArray(), d => d.GetProperty("programme").GetString() == "PKH");
            Assert.Equal(175, content.GetProperty("verification").GetProperty("exitsWithApprovedVisit").GetInt32());
            Assert.Equal(64, content.GetProperty("auditHead").GetProperty("hash").GetString()!.Length);

            // The claim audit stands beside the headline in the package: the demo's re-check of 30 of the 175 graduations.
            var claim = content.GetProperty("claimAudits").EnumerateArray().Single(a => a.GetProperty("seed").GetString() == "bontang-2025-04");
            Assert.Equal(("graduated", 175, 30, 1, 0), (claim.GetProperty("status").GetString(), claim.GetProperty("population").GetInt32(),
                claim.GetProperty("sample").GetInt32(), claim.GetProperty("wrong").GetInt32(), claim.GetProperty("pending").GetInt32()));
            Assert.True(claim.GetProperty("estimatedErrorsHigh").GetInt32() > claim.GetProperty("estimatedErrorsLow").GetInt32());
            Assert.DoesNotContain("\"nik\"", package.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(export.Json().GetProperty("sha256").GetString(), package.RootElement.GetProperty("sha256").GetString());
        }

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.False(import.Json().GetProperty("alreadyImported").GetBoolean());
        Assert.True(again.Json().GetProperty("alreadyImported").GetBoolean());
        var json = consolidated.Json();
        Assert.Equal(["region", "regionName", "at", "regencies", "total", "differences"], Keys(json));
        var bontang = json.GetProperty("regencies").EnumerateArray().Single(r => r.GetProperty("region").GetString() == "64.74");
        Assert.Equal((7, "package"), (bontang.GetProperty("extremePoorHouseholds").GetInt32(), bontang.GetProperty("source").GetString()));
        Assert.Equal(7, json.GetProperty("total").GetProperty("extremePoorHouseholds").GetInt32());
        Assert.Empty(json.GetProperty("differences").EnumerateArray());
        Assert.Equal("registry", before.Json().GetProperty("regencies").EnumerateArray().Single(r => r.GetProperty("region").GetString() == "64.74").GetProperty("source").GetString());

        // At home, the households are there: Kutai Timur comes from them, Bontang too.
        var home = atHome.Json().GetProperty("regencies").EnumerateArray().ToList();
        Assert.Equal(7, home.Single(r => r.GetProperty("region").GetString() == "64.74").GetProperty("extremePoorHouseholds").GetInt32());
        Assert.True(home.Single(r => r.GetProperty("region").GetString() == "64.08").GetProperty("reported").GetBoolean());
    }

    [Fact]
    public async Task ReportImport_AChangedFigure_IsRefusedAsTampered_AndAFileThatIsNoPackage_IsAUsageError()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"tuntas-report-{Guid.NewGuid():N}");
        await using var province = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var export = await CliRun.RunAsync("report", "export", "--region", "64.74", "--at", "2025-04-09", "--out", folder, "--db", demo.Uri);
        Assert.True(export.ExitCode == 0, export.ToString());
        var path = Path.Combine(folder, "64.74-2025-04-09.json");
        var text = await File.ReadAllTextAsync(path);
        var tampered = Path.Combine(folder, "tampered.json");
        await File.WriteAllTextAsync(tampered, text.Replace("\"households\":7,", "\"households\":6,", StringComparison.Ordinal));
        var other = Path.Combine(folder, "other.json");
        await File.WriteAllTextAsync(other, "{\"region\":\"64.74\"}");

        var refused = await CliRun.RunAsync("report", "import", tampered, "--json", "--db", province.Uri.Display);
        var notAPackage = await CliRun.RunAsync("report", "import", other, "--db", province.Uri.Display);
        var consolidated = await CliRun.RunAsync("report", "province", "--region", "64", "--at", "2025-04-09", "--json", "--db", province.Uri.Display);

        Assert.NotEqual(text, await File.ReadAllTextAsync(tampered));
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("does not match its SHA-256", refused.Json().GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, notAPackage.ExitCode);
        Assert.Contains("not a Tuntas report package", notAPackage.Error, StringComparison.Ordinal);
        Assert.Equal(0, consolidated.Json().GetProperty("total").GetProperty("fromPackages").GetInt32());
    }

    private static List<string> Sample(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Json().GetProperty("sample").EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    [Fact]
    public async Task ClaimAuditDraw_TheSameSeedGivesTheSameThirtyHouseholds_AnotherSeedAnotherSample()
    {
        string[] Draw(string seed) =>
            ["claim-audit", "draw", "--region", "64.74", "--status", "graduated", "--from", "2023-01-01", "--to", "2025-04-09", "--size", "30", "--seed", seed, "--json", "--db", demo.Uri];

        var first = await CliRun.RunAsync(Draw("uji-petik-2025"));
        var again = await CliRun.RunAsync(Draw("uji-petik-2025"));
        var other = await CliRun.RunAsync(Draw("seed-lain"));

        Assert.Equal(175, first.Json().GetProperty("population").GetInt32());
        Assert.Equal(30, Sample(first).Distinct().Count());
        Assert.Equal(Sample(first), Sample(again));
        Assert.NotEqual(Sample(first).Order(), Sample(other).Order());
        Assert.NotEqual(first.Json().GetProperty("auditId").GetInt64(), again.Json().GetProperty("auditId").GetInt64());
        Assert.Equal(first.Json().GetProperty("populationHash").GetString(), other.Json().GetProperty("populationHash").GetString());

        // The demo's independent verifier (not the one who approved the graduations) gets every re-check.
        var shown = await CliRun.RunAsync("claim-audit", "show", first.Json().GetProperty("auditId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", "--db", demo.Uri);
        Assert.All(shown.Json().GetProperty("items").EnumerateArray(), i => Assert.Equal("uji.bontang", i.GetProperty("assignedTo").GetString()));

        // Without a seed one is made and printed, so the draw can be repeated.
        var unseeded = await CliRun.RunAsync("claim-audit", "draw", "--region", "64.74", "--status", "graduated", "--from", "2023-01-01", "--to", "2025-04-09", "--size", "5", "--json", "--db", demo.Uri);
        var seed = unseeded.Json().GetProperty("seed").GetString()!;
        Assert.Matches("^[0-9a-f]{16}$", seed);
        Assert.Equal(Sample(unseeded), Sample(await CliRun.RunAsync("claim-audit", "draw", "--region", "64.74", "--status", "graduated", "--from", "2023-01-01", "--to", "2025-04-09", "--size", "5", "--seed", seed, "--json", "--db", demo.Uri)));

        // The audit trail still verifies after the draws.
        Assert.Equal(0, (await CliRun.RunAsync("audit", "verify", "--db", demo.Uri)).ExitCode);
    }

    [Fact]
    public async Task ClaimAudit_TheDemosBontangAudit_StandsInTheReportList_AndBadDrawsAreUsageErrors()
    {
        var list = await CliRun.RunAsync("claim-audit", "list", "--region", "64.74", "--json", "--db", demo.Uri);
        Assert.True(list.ExitCode == 0, list.ToString());
        var demoAudit = list.Json().GetProperty("audits").EnumerateArray().Single(a => a.GetProperty("seed").GetString() == "bontang-2025-04");
        var result = demoAudit.GetProperty("result");
        Assert.Equal((175, 30, 1, true), (result.GetProperty("population").GetInt32(), result.GetProperty("sample").GetInt32(), result.GetProperty("wrong").GetInt32(), result.GetProperty("complete").GetBoolean()));
        var estimate = result.GetProperty("estimate").GetProperty("estimatedErrors");
        Assert.True(estimate.GetProperty("low").GetInt32() >= 1 && estimate.GetProperty("high").GetInt32() < 175);

        foreach (var args in new[]
        {
            new[] { "--status", "moved", "--from", "2023-01-01", "--to", "2025-04-09", "--size", "3" },
            ["--status", "graduated", "--from", "2023-01-01", "--to", "9 April 2025", "--size", "3"],
            ["--status", "graduated", "--from", "2023-01-01", "--to", "2025-04-09", "--size", "500"],
            ["--status", "graduated", "--from", "2023-01-01", "--to", "2025-04-09", "--size", "3", "--stratify", "village"],
        })
        {
            var run = await CliRun.RunAsync(["claim-audit", "draw", "--region", "64.74", .. args, "--json", "--db", demo.Uri]);
            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.False(string.IsNullOrWhiteSpace(run.Json().GetProperty("error").GetString()));
        }
    }
}
