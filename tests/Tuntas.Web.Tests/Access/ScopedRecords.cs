using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data;
using Tuntas.Data.Audit;
using Tuntas.Data.ClaimAudit;
using Tuntas.Data.Interventions;
using Tuntas.Data.UpdateCycles;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.UpdateCycles;
using Tuntas.Domain.Verification;
using Tuntas.Testing;
using Tuntas.Web.Verification;

namespace Tuntas.Web.Tests.Access;

/// <summary>
/// One of each record a screen is about, in one village, made through the app's own services: a
/// household graduated by approved visits and drawn into a claim audit, and a listed household
/// with a task of a round whose visit (with a photo) waits for review, a village meeting of the round
/// (with its minutes), an usul with a photo and a delivery with its proof.
/// </summary>
public sealed record ScopedRecords(
    string Village,
    string NoKk,
    string SampledNoKk,
    long HouseholdId,
    long TaskId,
    long VisitId,
    long EvidenceId,
    long RoundId,
    long MeetingId,
    long ProposalId,
    long DeliveryId,
    long ClaimAuditId,
    IReadOnlyDictionary<string, int> Versions)
{
    /// <summary>
    /// The ODK token that fills <c>{token}</c> in the ODK Collect routes: a real one of the region's
    /// operator, so that those routes answer as they do for Collect (a wrong token has its own tests).
    /// </summary>
    public string OdkToken { get; init; } = "odk_never-issued";

    /// <summary>The month's update cycle of the village's regency.</summary>
    public long CycleId { get; init; }

    /// <summary>The village's line in that cycle, with its meeting and berita acara.</summary>
    public long CycleVillageId { get; init; }

    /// <summary>A proposal of the village in that cycle, waiting for Dinas Sosial's check.</summary>
    public long CycleProposalId { get; init; }

    /// <summary>The first bytes of a JPEG file, then anything: the store checks the content.</summary>
    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, .. "a photo of the house"u8.ToArray()];

    private static readonly byte[] Pdf = "%PDF-1.4 minutes of the village meeting"u8.ToArray();

    /// <summary>
    /// The version a form sends back (what the user saw), by the record the form changes: the
    /// records outside every caller's region keep theirs, so a write that reached one would succeed.
    /// </summary>
    public int VersionFor(string operation) => Versions[operation switch
    {
        _ when operation.StartsWith("POST /pemeriksaan/", StringComparison.Ordinal) => "visit",
        _ when operation.EndsWith("?handler=Assign", StringComparison.Ordinal) => "task",
        _ when operation.StartsWith("POST /verval/", StringComparison.Ordinal) => "meeting",
        _ when operation.StartsWith("POST /audit-klaim/sampel/", StringComparison.Ordinal) => "sample",
        _ when operation.StartsWith("POST /pemutakhiran/{id:long}/desa/", StringComparison.Ordinal) => "cycle-village",
        _ when operation.StartsWith("POST /pemutakhiran/", StringComparison.Ordinal) => "cycle-proposal",
        _ => "task",
    }];

    /// <summary>The id a route's <c>{id}</c> stands for, by route pattern.</summary>
    public long IdFor(string route) => route switch
    {
        "tugas/{id:long}" => TaskId,
        "verval/{id:long}" => RoundId,
        "pemeriksaan/{id:long}" => VisitId,
        "bukti/{id:long}" => EvidenceId,
        "bukti/musyawarah/{id:long}" => MeetingId,
        "bukti/usul/{id:long}" => ProposalId,
        "bukti/penyaluran/{id:long}" => DeliveryId,
        "audit-klaim/sampel/{id:long}" => ClaimAuditId,
        "pemutakhiran/{id:long}" => CycleId,
        "pemutakhiran/{id:long}/desa/{village}" => CycleId,
        "bukti/pemutakhiran/{id:long}" => CycleVillageId,
        _ => throw new InvalidOperationException($"No record is made for /{route}: add one to {nameof(ScopedRecords)}."),
    };

    /// <summary>
    /// Makes the records in <paramref name="village"/>: the two households (No. KK given, heads with
    /// the NIKs given) are added first.
    /// </summary>
    public static async Task<ScopedRecords> CreateAsync(TuntasWebFactory app, string village, (string NoKk, string Nik) graduated, (string NoKk, string Nik) listed)
    {
        await app.AddAsync(
        [
            Families.Family(graduated.NoKk, village, (graduated.Nik, "Kepala Lulus", FamilyRelation.KepalaKeluarga)),
            Families.Family(listed.NoKk, village, (listed.Nik, "Kepala Terdaftar", FamilyRelation.KepalaKeluarga)),
        ]);
        var regency = RegionCode.From(village).AtLevel(RegionLevel.Regency)!;
        var today = RegionClock.DayAt(DateTime.UtcNow);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<TuntasDbContext>();
            var verval = services.GetRequiredService<VervalService>();
            var audit = services.GetRequiredService<AuditTrail>();
            var store = services.GetRequiredService<EvidenceStore>();
            var first = await db.Households.Include(h => h.Members).SingleAsync(h => h.NoKk == NomorKk.From(graduated.NoKk));
            var second = await db.Households.Include(h => h.Members).SingleAsync(h => h.NoKk == NomorKk.From(listed.NoKk));

            await audit.BeginAsync();
            foreach (var family in new[] { first, second })
            {
                StatusChanges.Apply(family, new StatusChange(HouseholdStatus.Listed, today, StatusChanges.SystemClassification, "Memenuhi kriteria.", "classification"), audit, today, DateTime.UtcNow);
            }

            // Verified, then graduated, each by an approved visit: the population of a claim audit.
            foreach (var (to, purpose, spending) in new[] { (HouseholdStatus.Verified, VisitPurpose.Verification, 250_000L), (HouseholdStatus.Graduated, VisitPurpose.Graduation, 700_000L) })
            {
                var task = await verval.CreateTaskAsync(first, purpose, today.AddDays(7), "sistem:test", audit);
                var visit = verval.SubmitVisit(task, first, Report(to, spending, today), [await SaveAsync(store, Photo, "rumah.jpg")], "op.test", audit);
                await verval.ApproveAsync(visit, first, "dinsos.test", null, audit);
            }

            await db.SaveChangesAsync();

            // A round: the listed household gets its task in it, and the visit for that task waits for review, with its photo.
            var round = await verval.CreateRoundAsync(regency, "Putaran uji", today, today.AddDays(30), 6, "sistem:test", audit);
            await db.SaveChangesAsync();
            var pending = await db.Tasks.SingleAsync(t => t.RoundId == round.Round.Id && t.HouseholdId == second.Id);
            verval.SubmitVisit(pending, second, Report(HouseholdStatus.Verified, 250_000, today), [await SaveAsync(store, Photo, "rumah.jpg")], "op.test", audit);
            await db.SaveChangesAsync();
            verval.RecordMeeting(round.Round, RegionCode.From(village), today, 12, "Kepala desa, warga", await SaveAsync(store, Pdf, "berita-acara.pdf"), [], "op.test", audit);
            await db.SaveChangesAsync();
            await verval.SubmitProposalAsync(ProposalKind.Usul, RegionCode.From(village), null, "Keluarga baru pindah, rumah papan.", "Warga", null, await SaveAsync(store, Photo, "usul.jpg"), "op.test", audit);
            await db.SaveChangesAsync();
            await services.GetRequiredService<DeliveryService>().RecordAsync(
                new DeliveryRecorder("sistem:test", RegionScope.National), second.Id, null, "SEMBAKO", new DeliveryReport { Date = today, Amount = 200_000 },
                await SaveAsync(store, Photo, "tanda-terima.jpg"), audit);
            await audit.CommitAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var drawn = await scope.ServiceProvider.GetRequiredService<DrawClaimAudit>().DrawAsync(
                new DrawRequest(regency, HouseholdStatus.Graduated, today.AddDays(-1), today, 1, false), "sistem:test");
            Assert.True(drawn.Succeeded, drawn.Error?.English);
        }

        // The month's update cycle of the regency: the village's meeting with its minutes, and a proposal waiting for the check.
        long cycleId, cycleVillageId, cycleProposalId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var opened = await services.GetRequiredService<OpenCycle>().OpenAsync(RegionScope.National, regency, today, null, "sistem:test");
            Assert.True(opened.Succeeded, opened.Error?.English);
            cycleId = opened.Value!.Id;
            var minutes = await SaveAsync(services.GetRequiredService<EvidenceStore>(), Pdf, "berita-acara-pemutakhiran.pdf");
            var meeting = await services.GetRequiredService<RecordCycleMeeting>().RecordAsync(RegionScope.National, cycleId, RegionCode.From(village), today, minutes, null, "op.test");
            Assert.True(meeting.Succeeded, meeting.Error?.English);
            cycleVillageId = meeting.Value!.Id;
            var proposal = await services.GetRequiredService<EnterCycleProposal>().EnterAsync(RegionScope.National, cycleId, RegionCode.From(village),
                new CycleProposalInput(listed.NoKk, listed.Nik, "Kepala Terdaftar", CycleProposalKind.Correction, "Alamat berubah."), "op.test");
            Assert.True(proposal.Succeeded, proposal.Error?.English);
            cycleProposalId = proposal.Value!.Id;
        }

        await using var read = app.CreateDbContext();
        var household = await read.Households.SingleAsync(h => h.NoKk == NomorKk.From(listed.NoKk));
        var pendingVisit = await read.Visits.SingleAsync(v => v.HouseholdId == household.Id);
        var visitId = pendingVisit.Id;
        var pendingTask = await read.Tasks.SingleAsync(t => t.Id == pendingVisit.TaskId);
        var samples = await read.ClaimAuditSamples.Select(s => new { s.Id, s.Region }).ToListAsync();
        var meetings = await read.Meetings.Select(m => new { m.Id, m.Village, m.Version }).ToListAsync();
        var sampleId = samples.Single(s => s.Region == regency).Id;
        var item = await read.ClaimAuditItems.SingleAsync(i => i.SampleId == sampleId);
        var proposals = await read.Proposals.Select(p => new { p.Id, p.Village }).ToListAsync();
        return new ScopedRecords(
            village,
            listed.NoKk,
            graduated.NoKk,
            household.Id,
            pendingTask.Id,
            visitId,
            await read.Evidence.Where(e => e.VisitId == visitId).Select(e => e.Id).SingleAsync(),
            await read.Rounds.Where(r => r.Region == regency).Select(r => r.Id).SingleAsync(),
            meetings.Single(m => m.Village.Value == village).Id,
            proposals.Single(p => p.Village.Value == village).Id,
            await read.Deliveries.Where(d => d.HouseholdId == household.Id).Select(d => d.Id).SingleAsync(),
            sampleId,
            new Dictionary<string, int>
            {
                ["visit"] = pendingVisit.Version,
                ["task"] = pendingTask.Version,
                ["meeting"] = meetings.Single(m => m.Village.Value == village).Version,
                ["sample"] = item.Version,
                ["cycle-village"] = await read.CycleVillages.Where(v => v.Id == cycleVillageId).Select(v => v.Version).SingleAsync(),
                ["cycle-proposal"] = await read.CycleProposals.Where(p => p.Id == cycleProposalId).Select(p => p.Version).SingleAsync(),
            })
        {
            CycleId = cycleId,
            CycleVillageId = cycleVillageId,
            CycleProposalId = cycleProposalId,
        };
    }

    private static VisitReport Report(HouseholdStatus recommendation, long spending, DateOnly on) => new()
    {
        VisitedOn = on,
        Found = true,
        MetPerson = "Kepala keluarga",
        SpendingPerCapita = spending,
        Recommendation = recommendation,
    };

    private static async Task<EvidenceFile> SaveAsync(EvidenceStore store, byte[] content, string name)
    {
        using var stream = new MemoryStream(content);
        var (file, problem) = await store.SaveAsync(new FormFile(stream, 0, content.Length, "file", name), CancellationToken.None);
        Assert.True(file is not null, problem);
        return file!;
    }
}
