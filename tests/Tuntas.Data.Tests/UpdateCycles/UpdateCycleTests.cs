using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Common;
using Tuntas.Data.UpdateCycles;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.UpdateCycles;
using Tuntas.Domain.Verification;
using Tuntas.Testing;
using static Tuntas.Data.Tests.Verification.VervalKit;

namespace Tuntas.Data.Tests.UpdateCycles;

/// <summary>
/// The monthly update cycle on both databases, at 22 November 2026 (WITA): opening it, each village's
/// steps and lateness, the SIKS-NG workbook read back, and the groundcheck queue after a ranking.
/// </summary>
public partial class UpdateCycleTests
{
    private static readonly RegionCode Bontang = RegionCode.From("64.74");
    private static readonly RegionScope BontangScope = new(Bontang);
    private static readonly DateOnly November = new(2026, 11, 1);

    [Theory, DatabaseData]
    public async Task OpenCycle_MakesALineForEveryVillageOfTheRegency_OnePerMonth_AndOnlyInTheCallersRegion(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);

        var first = await OpenAsync(services, BontangScope, Bontang);
        var again = await OpenAsync(services, BontangScope, Bontang);
        var outside = await OpenAsync(services, BontangScope, RegionCode.From("64.08"));
        var village = await OpenAsync(services, BontangScope, RegionCode.From(BontangKuala));

        Assert.True(first.Succeeded, first.Error?.English);
        Assert.Equal("UpdateCycles.AlreadyOpen", Assert.IsType<WriteError.RuleBroken>(again.Error).Rule.Error!.Code);
        Assert.IsType<WriteError.NotFound>(outside.Error);
        Assert.Equal("UpdateCycles.NotARegency", Assert.IsType<WriteError.RuleBroken>(village.Error).Rule.Error!.Code);
        await using var check = database.CreateContext();
        var villages = await check.CycleVillages.Where(v => v.CycleId == first.Value!.Id).Select(v => v.Village).ToListAsync();
        Assert.Equal(15, villages.Count);
        Assert.Contains(RegionCode.From(BontangKuala), villages);
        Assert.All(villages, v => Assert.True(Bontang.Contains(v)));
        Assert.Equal(1, await check.UpdateCycles.CountAsync());
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.Action == "cycle.open"));
    }

    [Theory, DatabaseData]
    public async Task VillageSteps_ShowDoneLateAndLate_PerVillageAndKecamatan_AndAnOperatorWritesOnlyTheirVillage(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var registered = Family(1);
        await SaveAsync(services, registered);
        var cycle = (await OpenAsync(services, BontangScope, Bontang)).Value!;
        var kuala = RegionCode.From(BontangKuala);
        var operatorScope = new RegionScope(kuala);

        await using (var unit = Open(services))
        {
            var meeting = await unit.Scope<RecordCycleMeeting>().RecordAsync(operatorScope, cycle.Id, kuala, new DateOnly(2026, 11, 10), Photo("berita-acara"), null, Operator);
            Assert.True(meeting.Succeeded, meeting.Error?.English);
        }

        long newFamily, exit;
        await using (var unit = Open(services))
        {
            var enter = unit.Scope<EnterCycleProposal>();
            var a = await enter.EnterAsync(operatorScope, cycle.Id, kuala, new CycleProposalInput("6474010101009001", "6474011708859001", "Slamet Riyadi", CycleProposalKind.New, "Keluarga baru, rumah papan."), Operator);
            var b = await enter.EnterAsync(operatorScope, cycle.Id, kuala, new CycleProposalInput(registered.NoKk.Value, "6474011708000001", "Kepala Keluarga 1", CycleProposalKind.Exit, "Sudah mampu, usaha bengkel."), Operator);
            var twice = await enter.EnterAsync(operatorScope, cycle.Id, kuala, new CycleProposalInput("6474010101009001", "6474011708859001", "Slamet Riyadi", CycleProposalKind.Correction, "Lagi."), Operator);
            var elsewhere = await enter.EnterAsync(operatorScope, cycle.Id, RegionCode.From(BontangBaru), new CycleProposalInput("6474010101009002", "6474011708859002", "Warga Lain", CycleProposalKind.New, "Baru."), Operator);
            Assert.True(a.Succeeded && b.Succeeded, a.Error?.English + b.Error?.English);
            Assert.Equal("UpdateCycles.AlreadyProposed", Assert.IsType<WriteError.RuleBroken>(twice.Error).Rule.Error!.Code);
            Assert.IsType<WriteError.NotFound>(elsewhere.Error);
            Assert.Equal(registered.Id, b.Value!.HouseholdId);
            Assert.Null(a.Value!.HouseholdId);
            (newFamily, exit) = (a.Value.Id, b.Value.Id);
            Assert.True((await unit.Scope<FinishCycleProposals>().FinishAsync(operatorScope, cycle.Id, kuala, null, Operator)).Succeeded);
        }

        await using (var unit = Open(services))
        {
            var late = await unit.Scope<EnterCycleProposal>().EnterAsync(operatorScope, cycle.Id, kuala, new CycleProposalInput("6474010101009003", "6474011708859003", "Terlambat", CycleProposalKind.New, "Baru."), Operator);
            Assert.Equal("UpdateCycles.ProposalsClosed", Assert.IsType<WriteError.RuleBroken>(late.Error).Rule.Error!.Code);
            var check = unit.Scope<CheckCycleProposal>();
            Assert.IsType<WriteError.NotFound>((await check.CheckAsync(new RegionScope(RegionCode.From("64.08")), cycle.Id, newFamily, null, true, null, Reviewer)).Error);
            Assert.True((await check.CheckAsync(BontangScope, cycle.Id, newFamily, null, true, null, Reviewer)).Succeeded);
            Assert.True((await check.CheckAsync(BontangScope, cycle.Id, exit, null, false, "Masih menerima PKH, periksa lagi bulan depan.", Reviewer)).Succeeded);
        }

        CycleStatus before, after;
        await using (var unit = Open(services))
        {
            before = await unit.Scope<UpdateCycleQueries>().StatusAsync(BontangScope, cycle);
            var ground = await unit.Scope<RecordProposalGroundcheck>().RecordAsync(new RegionScope(RegionCode.From("64.74.01")), cycle.Id, newFamily, null, GroundcheckOutcome.Confirmed, Today, "Lantai tanah.", Visitor);
            Assert.True(ground.Succeeded, ground.Error?.English);
            after = await unit.Scope<UpdateCycleQueries>().StatusAsync(BontangScope, cycle);
        }

        var kualaBefore = before.Villages.Single(v => v.Village.Village == kuala).Progress;
        var kualaAfter = after.Villages.Single(v => v.Village.Village == kuala).Progress;
        var baru = after.Villages.Single(v => v.Village.Village.Value == BontangBaru).Progress;
        Assert.Equal(Today, after.Today);
        Assert.Equal([StepState.Done, StepState.DoneLate, StepState.DoneLate, StepState.Pending], kualaBefore.Steps.Select(s => s.State));
        Assert.Equal([StepState.Done, StepState.DoneLate, StepState.DoneLate, StepState.Done], kualaAfter.Steps.Select(s => s.State));
        Assert.Equal([StepState.Late, StepState.Late, StepState.Late, StepState.Pending], baru.Steps.Select(s => s.State));
        var utara = after.Districts.Single(d => d.District.Value == "64.74.01");
        Assert.Equal(("Bontang Utara", 6, 1, 5), (utara.Name, utara.Villages, utara.Done, utara.Late));
        Assert.Equal((15, 1, 14), (after.Villages.Count, after.Villages.Count(v => v.Progress.AllDone), after.Villages.Count(v => v.Progress.AnyLate)));

        // The operator's view holds their village only.
        await using (var unit = Open(services))
        {
            var own = await unit.Scope<UpdateCycleQueries>().StatusAsync(operatorScope, cycle);
            Assert.Equal([BontangKuala], own.Villages.Select(v => v.Village.Village.Value!));
            Assert.Equal(2, own.Proposals.Count);
        }
    }

    [Theory, DatabaseData]
    public async Task Export_HoldsTheAcceptedProposalsOnly_UnderATitleBlock_WithTheHeaderFrozenAndFiltered_AndNumbersAsText(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var cycle = (await OpenAsync(services, BontangScope, Bontang)).Value!;
        var kuala = RegionCode.From(BontangKuala);
        await using (var unit = Open(services))
        {
            var enter = unit.Scope<EnterCycleProposal>();
            var accepted = await enter.EnterAsync(BontangScope, cycle.Id, kuala, new CycleProposalInput("6474010101009001", "6474011708859001", "Slamet Riyadi", CycleProposalKind.Correction, "Alamat berubah ke RT 04."), Operator);
            var refused = await enter.EnterAsync(BontangScope, cycle.Id, kuala, new CycleProposalInput("6474010101009002", "6474011708859002", "Ditolak Saja", CycleProposalKind.New, "Baru."), Operator);
            var waiting = await enter.EnterAsync(BontangScope, cycle.Id, kuala, new CycleProposalInput("6474010101009003", "6474011708859003", "Belum Diperiksa", CycleProposalKind.New, "Baru."), Operator);
            Assert.True(accepted.Succeeded && refused.Succeeded && waiting.Succeeded);
            await unit.Scope<CheckCycleProposal>().CheckAsync(BontangScope, cycle.Id, accepted.Value!.Id, null, true, null, Reviewer);
            await unit.Scope<CheckCycleProposal>().CheckAsync(BontangScope, cycle.Id, refused.Value!.Id, null, false, "Tidak memenuhi syarat.", Reviewer);
        }

        var path = Path.Combine(Path.GetTempPath(), $"cycle-{Guid.NewGuid():N}.xlsx");
        try
        {
            int count;
            await using (var unit = Open(services))
            {
                count = await unit.Scope<CycleExport>().WriteAsync(cycle, path);
            }

            Assert.Equal(1, count);
            using var zip = ZipFile.OpenRead(path);
            using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
            var sheet = await reader.ReadToEndAsync();
            var rows = Rows(sheet);
            Assert.Equal("Usulan pemutakhiran DTSEN untuk SIKS-NG", rows[1].Single());
            Assert.Equal("Kota Bontang · bulan November 2026 · per 22 November 2026", rows[2].Single());
            Assert.Equal(["No. KK", "NIK Kepala Keluarga", "Nama Kepala Keluarga", "Kecamatan", "Desa/Kelurahan", "Jenis Usulan", "Alasan"], rows[4]);
            Assert.Equal(["6474010101009001", "6474011708859001", "Slamet Riyadi", "Bontang Utara", "Bontang Kuala", "Perbaikan Data", "Alamat berubah ke RT 04."], rows[5]);
            Assert.Equal(5, rows.Keys.Max());
            Assert.Contains("<x:pane ySplit=\"4\" topLeftCell=\"A5\" activePane=\"bottomLeft\" state=\"frozen\" />", sheet, StringComparison.Ordinal);
            Assert.Contains("<x:autoFilter ref=\"A4:G5\" />", sheet, StringComparison.Ordinal);
            Assert.DoesNotContain("t=\"n\"", sheet, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory, DatabaseData]
    public async Task QueueGroundchecks_GivesOnlyFamiliesCrossingDesilFourAndFive_AVisitTask_InTheCycleOfTheVersionsMonth_Once(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var up = Family(11);
        var down = Family(12);
        var within = Family(13);
        var first = Family(14);
        var busy = Family(15, BontangBaru);
        await SaveAsync(services, up, down, within, first, busy);
        await RunAsync(services, async unit =>
        {
            unit.Db.Attach(busy);
            await unit.Verval.CreateTaskAsync(busy, VisitPurpose.Reverification, Today.AddDays(5), Reviewer, unit.Audit);
        });
        var version = new DateOnly(2026, 11, 18);
        DesilJump[] jumps =
        [
            new(up.Id, 3, 6, version),
            new(down.Id, 7, 2, version),
            new(within.Id, 5, 9, version),
            new(first.Id, null, 1, version),
            new(busy.Id, 4, 5, version),
            new(987_654, 2, 8, version),
        ];

        WriteResult<GroundcheckQueueResult> firstRun, secondRun;
        await using (var unit = Open(services))
        {
            firstRun = await unit.Scope<QueueGroundchecks>().RunAsync(jumps, "sistem:desil");
        }

        int tasksAfterFirst;
        await using (var check = database.CreateContext())
        {
            tasksAfterFirst = await check.Tasks.CountAsync();
        }

        await using (var unit = Open(services))
        {
            secondRun = await unit.Scope<QueueGroundchecks>().RunAsync(jumps, "sistem:desil");
        }

        Assert.True(firstRun.Succeeded, firstRun.Error?.English);
        Assert.Equal(new GroundcheckQueueResult(6, 4, 3, 1, 0, 1, 1), firstRun.Value);
        Assert.Equal(new GroundcheckQueueResult(6, 4, 0, 0, 3, 1, 0), secondRun.Value);
        await using var db = database.CreateContext();
        Assert.Equal(tasksAfterFirst, await db.Tasks.CountAsync());
        var cycle = await db.UpdateCycles.SingleAsync();
        Assert.Equal((Bontang, November), (cycle.Regency, cycle.Month));
        var queued = await db.CycleGroundchecks.OrderBy(g => g.HouseholdId).ToListAsync();
        Assert.Equal([up.Id, down.Id, busy.Id], queued.Select(g => g.HouseholdId));
        Assert.All(queued, g => Assert.Equal((cycle.Id, version), (g.CycleId, g.DesilVersion)));
        var upTask = await db.Tasks.SingleAsync(t => t.Id == queued[0].TaskId);
        Assert.Equal((VisitPurpose.Groundcheck, Operator, Today.AddDays(14)), (upTask.Purpose, upTask.AssignedTo, upTask.DueOn));
        var busyTask = await db.Tasks.SingleAsync(t => t.Id == queued[2].TaskId);
        Assert.Equal(VisitPurpose.Reverification, busyTask.Purpose);
        Assert.Equal(1, await db.Tasks.CountAsync(t => t.HouseholdId == busy.Id));
        Assert.Equal(0, await db.Tasks.CountAsync(t => t.HouseholdId == within.Id || t.HouseholdId == first.Id));
    }

    private static async Task<WriteResult<UpdateCycle>> OpenAsync(Microsoft.Extensions.DependencyInjection.ServiceProvider services, RegionScope scope, RegionCode regency)
    {
        await using var unit = Open(services);
        return await unit.Scope<OpenCycle>().OpenAsync(scope, regency, November, null, Reviewer);
    }

    /// <summary>The text cells of a sheet by row number.</summary>
    private static Dictionary<int, List<string>> Rows(string sheet) =>
        RowPattern().Matches(sheet).ToDictionary(
            m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            m => TextPattern().Matches(m.Groups[2].Value).Select(t => System.Net.WebUtility.HtmlDecode(t.Groups[1].Value)).ToList());

    [GeneratedRegex("<x:row r=\"(\\d+)\"(?: />|>(.*?)</x:row>)")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<x:t[^>]*>(.*?)</x:t>")]
    private static partial Regex TextPattern();
}
