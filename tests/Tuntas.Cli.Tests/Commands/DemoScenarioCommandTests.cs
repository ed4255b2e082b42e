using System.Text.Json;
using Microsoft.EntityFrameworkCore;
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
        Assert.Equal(["region", "regionName", "at", "extremePoorHouseholds", "withoutAnyIntervention", "inHandling", "byStrategy", "missingNeeded", "leakage", "leakageRule", "exclusionError", "exclusionRule"], Keys(json));
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
            var claim = content.GetProperty("claimAudits").EnumerateArray().Single(a => a.GetProperty("status").GetString() == "graduated");
            Assert.Matches("^[0-9a-f]{32}$", claim.GetProperty("seed").GetString());
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

    private static string[] DrawArgs(string uri, int size, params string[] more) =>
        ["claim-audit", "draw", "--region", "64.74", "--status", "graduated", "--from", "2023-01-01", "--to", "2025-04-09", "--size", size.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", "--db", uri, .. more];

    [Fact]
    public async Task ClaimAuditDraw_TakesTheServersSeed_AndAReplayGivesTheSameThirtyHouseholds()
    {
        var first = await CliRun.RunAsync(DrawArgs(demo.Uri, 30));
        var other = await CliRun.RunAsync(DrawArgs(demo.Uri, 30));

        var json = first.Json();
        Assert.Equal(175, json.GetProperty("population").GetInt32());
        Assert.Equal(30, Sample(first).Distinct().Count());
        Assert.Matches("^[0-9a-f]{32}$", json.GetProperty("seed").GetString());
        Assert.NotEqual(json.GetProperty("seed").GetString(), other.Json().GetProperty("seed").GetString());
        Assert.Equal(json.GetProperty("populationHash").GetString(), other.Json().GetProperty("populationHash").GetString());
        var id = json.GetProperty("auditId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        // The recorded draw done again from its seed: the same households in the same order, exit 0.
        var replay = await CliRun.RunAsync("claim-audit", "replay", id, "--json", "--db", demo.Uri);
        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.Equal(Sample(first), Sample(replay));
        Assert.Equal((json.GetProperty("seed").GetString(), json.GetProperty("populationHash").GetString(), true),
            (replay.Json().GetProperty("seed").GetString(), replay.Json().GetProperty("populationHashFound").GetString(), replay.Json().GetProperty("matches").GetBoolean()));
        var text = await CliRun.RunAsync("claim-audit", "replay", id, "--db", demo.Uri);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("matches the record", text.Output, StringComparison.Ordinal);
        Assert.All(Sample(first), noKk => Assert.Contains(noKk, text.Output, StringComparison.Ordinal));
        var unknown = await CliRun.RunAsync("claim-audit", "replay", "999999", "--db", demo.Uri);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Claim audit 999999 does not exist", unknown.Error, StringComparison.Ordinal);

        // The demo's own audit is a recorded draw like any other, and replays.
        var list = await CliRun.RunAsync("claim-audit", "list", "--region", "64.74", "--json", "--db", demo.Uri);
        var demoAudit = list.Json().GetProperty("audits").EnumerateArray().Single(a => a.GetProperty("createdBy").GetString() == "dinsos.bontang");
        Assert.Matches("^[0-9a-f]{32}$", demoAudit.GetProperty("seed").GetString());
        Assert.Equal(0, (await CliRun.RunAsync("claim-audit", "replay", demoAudit.GetProperty("auditId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", demo.Uri)).ExitCode);

        // The demo's independent verifier (not the one who approved the graduations) gets every re-check.
        var shown = await CliRun.RunAsync("claim-audit", "show", id, "--json", "--db", demo.Uri);
        Assert.All(shown.Json().GetProperty("items").EnumerateArray(), i => Assert.Equal("uji.bontang", i.GetProperty("assignedTo").GetString()));

        // The audit trail still verifies after the draws.
        Assert.Equal(0, (await CliRun.RunAsync("audit", "verify", "--db", demo.Uri)).ExitCode);
    }

    [Fact]
    public async Task ClaimAuditDraw_WithASeed_IsRefusedWithExit2_AndWritesNothing()
    {
        async Task<(int Audits, int Entries)> CountAsync()
        {
            await using var db = demo.Database.CreateContext();
            return (await db.ClaimAuditSamples.CountAsync(), await db.AuditEntries.CountAsync());
        }

        var before = await CountAsync();
        var refused = await CliRun.RunAsync(DrawArgs(demo.Uri, 30, "--seed", "bontang-2025-04"));
        var inText = await CliRun.RunAsync(DrawArgs(demo.Uri, 30, "--seed", "bontang-2025-04").Where(a => a != "--json").ToArray());
        var bare = await CliRun.RunAsync(DrawArgs(demo.Uri, 30, "--seed"));

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("the seed is drawn by the server", refused.Json().GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal((2, 2), (inText.ExitCode, bare.ExitCode));
        Assert.Contains("the seed is drawn by the server", inText.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was drawn", inText.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, inText.Output);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task ClaimAuditReplay_AfterTheAuditedPopulationChanged_Exits3_NamingTheRecordedAndTheFoundHash()
    {
        // A copy of the demo, so the change below leaves the other tests' figures alone.
        var copy = Path.Combine(Path.GetTempPath(), $"tuntas-replay-{Guid.NewGuid():N}.db");
        Assert.Equal(0, (await CliRun.RunAsync("backup", "--out", copy, "--db", demo.Uri)).ExitCode);
        var uri = "sqlite:" + copy;
        try
        {
            var drawn = await CliRun.RunAsync(DrawArgs(uri, 30));
            Assert.True(drawn.ExitCode == 0, drawn.ToString());
            var id = drawn.Json().GetProperty("auditId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var recorded = drawn.Json().GetProperty("populationHash").GetString()!;
            Assert.Equal(0, (await CliRun.RunAsync("claim-audit", "replay", id, "--db", uri)).ExitCode);

            // After the draw, one of the seven is written down as graduated on 8 April 2025, inside the audited period.
            await using (var db = Tuntas.Data.Database.TuntasDatabase.CreateContext(Tuntas.Data.Database.DatabaseUri.Parse(uri)))
            {
                var noKk = await db.Households.AsNoTracking()
                    .Where(h => h.RegencyCode == Tuntas.Domain.Regions.RegionCode.From("64.74") && h.Status == Tuntas.Domain.Registry.HouseholdStatus.Verified)
                    .Select(h => h.NoKk).FirstAsync();
                await ImportedHistory.ChangeAsync(db, noKk.Value, Tuntas.Domain.Registry.HouseholdStatus.Verified, Tuntas.Domain.Registry.HouseholdStatus.Graduated, new DateOnly(2025, 4, 8), "impor");
            }

            var replay = await CliRun.RunAsync("claim-audit", "replay", id, "--json", "--db", uri);
            Assert.Equal(3, replay.ExitCode);
            var json = replay.Json();
            Assert.Equal((recorded, false, 175, 176), (json.GetProperty("populationHash").GetString(), json.GetProperty("populationMatches").GetBoolean(),
                json.GetProperty("population").GetInt32(), json.GetProperty("populationFound").GetInt32()));
            var found = json.GetProperty("populationHashFound").GetString()!;
            Assert.NotEqual(recorded, found);
            Assert.Equal(30, json.GetProperty("sample").GetArrayLength());
            Assert.Contains($"the hash recorded was {recorded} (175 households), the hash found now is {found} (176 households)", replay.Error, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task ClaimAudit_TheDemosBontangAudit_StandsInTheReportList_AndBadDrawsAreUsageErrors()
    {
        var list = await CliRun.RunAsync("claim-audit", "list", "--region", "64.74", "--json", "--db", demo.Uri);
        Assert.True(list.ExitCode == 0, list.ToString());
        var demoAudit = list.Json().GetProperty("audits").EnumerateArray().Single(a => a.GetProperty("createdBy").GetString() == "dinsos.bontang");
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
