using System.Security.Cryptography;
using System.Text;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Common;
using Tuntas.Data.Synthetic;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Demo;

/// <summary>A demo account: sign in with it to see the sample.</summary>
public sealed record DemoAccount(string UserName, string Role, string? Region, string Description);

public sealed record DemoResult(int HouseholdsAdded, int PeopleAdded, IReadOnlyList<DemoAccount> Accounts, int FieldAccounts, string Password);

/// <summary>
/// Loads the demo scenario of the two articles (contracts §5), with made-up families, through the
/// same commands people use: classification lists the candidates, verval rounds create visit
/// tasks, facilitators submit visits with (placeholder) photos, Dinas Sosial approves them, and the
/// statuses follow, each with its audit entry. Loading again adds nothing.
/// </summary>
public sealed partial class DemoLoader
{
    private readonly TuntasDbContext db;
    private readonly UnitOfWork scenario;
    private readonly AddUser addUser;
    private readonly AuditTrail audit;
    private readonly RegionClock time;
    private readonly ReplayClock clock;
    private readonly ClassificationService classification;
    private readonly VervalService verval;

    public DemoLoader(UnitOfWork work, AddUser addUser, RegionClock time)
    {
        this.addUser = addUser;
        db = work.Db;
        this.time = time;

        // The history is replayed on a clock that moves with the scenario: each visit, decision,
        // delivery list and audit entry is recorded on its scenario day, as the rules require of
        // everyone, so the audit chain runs forward in time.
        clock = new ReplayClock(time.Time);
        scenario = new UnitOfWork(db, new AuditTrail(db, clock), new RegionClock(clock));
        audit = scenario.Audit;
        classification = new ClassificationService(db, clock);
        verval = new VervalService(db, classification, clock);
    }

    /// <summary>The shared password of the demo accounts; they exist only in demo databases.</summary>
    public const string DemoPassword = "tuntas-demo-2025";

    public static readonly RegionCode Bontang = RegionCode.From("64.74");
    public static readonly RegionCode KutaiTimur = RegionCode.From("64.08");
    public static readonly RegionCode MuaraAncalong = RegionCode.From("64.08.01");
    public static readonly RegionCode MuaraBengkal = RegionCode.From("64.08.03");
    public static readonly RegionCode BontangKuala = RegionCode.From("64.74.01.1001");

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", "admin", null, "Administrator, seluruh Indonesia"),
        new("dinsos.bontang", "verifier", "64.74", "Verifikator Dinas Sosial Kota Bontang"),
        new("dinsos.kutim", "verifier", "64.08", "Verifikator Dinas Sosial Kutai Timur"),
        new(IndependentVerifier, "verifier", "64.74", "Verifikator Dinas Sosial Kota Bontang, tim uji petik (pemeriksaan ulang independen)"),
        new("operator.bontangkuala", "operator", "64.74.01.1001", "Operator Kelurahan Bontang Kuala"),
        new("pendamping.muaraancalong", "facilitator", "64.08.01", "Pendamping Kecamatan Muara Ancalong"),
        new("disnakertrans.kutim", "agency", "64.08", "Petugas Disnakertrans Kutai Timur"),
        new("bappeda.kutim", "analyst", "64.08", "Analis Bappeda Kutai Timur (NIK disamarkan)"),
        new("bappeda.kaltim", "province", "64", "Bappeda Provinsi Kalimantan Timur"),
    ];

    private Faker _f = new("id_ID");

    public async Task<DemoResult> LoadAsync(int seed, CancellationToken ct = default)
    {
        _f = new Faker("id_ID") { Random = new Randomizer(seed) };
        foreach (var account in Accounts)
        {
            await EnsureAccountAsync(account, ct);
        }

        var field = await FieldAccountsAsync(ct);
        if (await db.Households.AnyAsync(ct))
        {
            return new DemoResult(0, 0, Accounts, field.Count, DemoPassword);
        }

        // The whole scenario is one unit of work: a demo is loaded completely or not at all. The
        // first entry, at the real time of loading, says that the entries after it are a replay.
        var loaded = await scenario.RunAsync(async c =>
        {
            audit.Record("demo", "demo.load", AuditSubject.Named("demo", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)), null,
                new { from = ScenarioStart, note = "made-up families of the demo scenario; the entries that follow replay its history on the days it happened" });
            var timeline = new Timeline(clock);
            var plan = await CreateHouseholdsAsync(seed, c);
            ScheduleBontang(plan, timeline);
            ScheduleKutaiTimur(plan, timeline);
            ScheduleDeliveries(plan, timeline);
            timeline.At(KutaiTimurLoaded, AddIllustrativePopulationAsync);
            ScheduleClaimAudit(timeline);
            await timeline.RunAsync(c);
            await RecordPresentAsync(plan, c);
            await RecordDtsenVersionAsync(c);
            await SetUpAgencyOfficerAsync(c);
            return plan;
        }, ct);
        if (loaded.Value is not { } plan)
        {
            throw new InvalidOperationException($"The demo could not be loaded: {loaded.Error!.English}");
        }

        db.ChangeTracker.Clear();
        return new DemoResult(plan.All.Count, plan.All.Sum(h => h.Members.Count), Accounts, field.Count, DemoPassword);
    }

    /// <summary>Made-up families: the caseloads of the articles and, around them, families that are not poor.</summary>
    private async Task<Plan> CreateHouseholdsAsync(int seed, CancellationToken ct)
    {
        // Every family is made up as of the day its register was loaded: Bontang's in 2022, Kutai Timur's in 2024.
        var sample = new SampleHouseholds(seed, ScenarioStart);
        var bontangAt = AtTen(ScenarioStart);
        var kutimAt = AtTen(KutaiTimurLoaded);
        var plan = new Plan();
        var bontangVillages = await VillagesOfAsync(Bontang, ct);
        var kutimVillages = await VillagesOfAsync(KutaiTimur, ct);

        // Bontang: 182 extreme-poor families, three of the seven that remain in Bontang Kuala.
        for (var i = 0; i < 182; i++)
        {
            var village = i < 3 ? BontangKuala : bontangVillages[i % bontangVillages.Count];
            var h = sample.CreateOne(village, bontangAt, WelfareProfile.ExtremePoor);
            (i < 7 ? plan.BontangRemaining : plan.BontangGraduating).Add(h);
        }

        // Kutai Timur: Muara Ancalong 500 and Muara Bengkal 400 verified, some listed families found
        // not to qualify, and the rest spread over the other kecamatan until about 5,000 people.
        void Poor(IReadOnlyList<RegionCode> villages, int verified, int excluded)
        {
            for (var i = 0; i < verified + excluded; i++)
            {
                var h = sample.CreateOne(villages[i % villages.Count], kutimAt, WelfareProfile.ExtremePoor);
                (i < excluded ? plan.KutimExcluded : plan.KutimVerified).Add(h);
            }
        }

        Poor(kutimVillages.Where(MuaraAncalong.Contains).ToList(), 500, 30);
        Poor(kutimVillages.Where(MuaraBengkal.Contains).ToList(), 400, 25);
        var others = kutimVillages.Where(v => !MuaraAncalong.Contains(v) && !MuaraBengkal.Contains(v)).ToList();
        var people = plan.KutimVerified.Sum(h => h.Members.Count);
        for (var i = 0; people < 5_000; i++)
        {
            var h = sample.CreateOne(others[(i * 7) % others.Count], kutimAt, WelfareProfile.ExtremePoor);
            if (i % 16 == 5)
            {
                plan.KutimExcluded.Add(h);
            }
            else
            {
                plan.KutimVerified.Add(h);
                people += h.Members.Count;
            }
        }

        plan.All.AddRange(plan.BontangRemaining.Concat(plan.BontangGraduating).Concat(plan.KutimVerified).Concat(plan.KutimExcluded));
        plan.NotPoor.AddRange(sample.Create(bontangVillages, 12, bontangAt, WelfareProfile.NotPoor));
        plan.NotPoor.AddRange(sample.Create(kutimVillages, 3, kutimAt, WelfareProfile.NotPoor));
        plan.All.AddRange(plan.NotPoor);
        db.Households.AddRange(plan.All);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>The day Bontang's register was loaded: the scenario's first day.</summary>
    public static readonly DateOnly ScenarioStart = new(2022, 9, 1);

    /// <summary>The day Kutai Timur's register was loaded.</summary>
    public static readonly DateOnly KutaiTimurLoaded = new(2024, 1, 8);

    private void ScheduleBontang(Plan plan, Timeline timeline)
    {
        const string Verifier = "dinsos.bontang";
        timeline.At(ScenarioStart, ct => Monitoring.SetTarget.RecordAsync(db, audit, Bontang, new DateOnly(2025, 12, 31), 0, "admin", clock.GetUtcNow().UtcDateTime, ct));

        // September 2022: the register is classified; the poor families are listed.
        var classified = new DateOnly(2022, 9, 30);
        timeline.At(classified, ct => classification.ClassifyAsync(db.Households.InRegion(Bontang), classified, StatusChanges.SystemClassification, audit, ct));

        // Q4 2022: every listed family is visited and verified: 182 on 31 December 2022.
        timeline.At(new DateOnly(2022, 10, 1), async ct =>
        {
            var round = await verval.CreateRoundAsync(Bontang, "Verval Triwulan IV 2022", new DateOnly(2022, 10, 1), new DateOnly(2022, 12, 31), 6, Verifier, audit, ct);
            await ScheduleVisitsAsync(timeline, round.Round, new DateOnly(2022, 10, 3), 78, Verifier, _ => HouseholdStatus.Verified, ct);
        });

        // 2023 to 9 April 2025: 175 graduate, each after a re-assessment visit with a photo.
        var graduations = Spread(plan.BontangGraduating.Count, new DateOnly(2023, 2, 1), new DateOnly(2025, 4, 8));
        var remaining = new Queue<DateOnly>([new(2023, 5, 16), new(2023, 11, 14), new(2024, 5, 14), new(2024, 11, 12), new(2025, 3, 18), new(2025, 11, 11), new(2026, 5, 12)]);
        var events = plan.BontangGraduating.Select((h, i) => (Day: graduations[i], Household: h, Graduate: true))
            .Concat(remaining.SelectMany(day => plan.BontangRemaining.Select(h => (Day: day, Household: h, Graduate: false))))
            .OrderBy(e => e.Day).ToList();
        foreach (var (day, household, graduate) in events.Where(e => e.Day <= Today))
        {
            if (graduate)
            {
                plan.GraduatedOn[household] = day;
            }

            ScheduleRevisit(timeline, household, day, graduate ? VisitPurpose.Graduation : VisitPurpose.Reverification, Verifier,
                graduate ? HouseholdStatus.Graduated : HouseholdStatus.Verified);
        }
    }

    /// <summary>
    /// Bontang now, at the real time of loading: a round in progress with tasks for the seven, a
    /// village meeting waiting for approval and a resident's proposal.
    /// </summary>
    private async Task RecordPresentAsync(Plan plan, CancellationToken ct)
    {
        const string Verifier = "dinsos.bontang";
        var quarter = QuarterOf(Today);
        var current = await verval.CreateRoundAsync(Bontang, $"Verval Triwulan {Roman(quarter.Quarter)} {quarter.Start.Year}", quarter.Start, quarter.End, 6, Verifier, audit, ct);
        await db.SaveChangesAsync(ct);
        var kuala = plan.BontangRemaining.Where(h => h.VillageCode == BontangKuala).ToList();
        verval.RecordMeeting(current.Round, BontangKuala, Today > quarter.Start.AddDays(7) ? quarter.Start.AddDays(7) : Today, 24,
            "Lurah Bontang Kuala, Ketua LPM, 12 Ketua RT, pendamping PKH, kader posyandu",
            Placeholder(EvidenceKind.Document, "berita-acara-musyawarah-bontang-kuala.pdf", "application/pdf", "minutes:" + current.Round.Name),
            kuala.Select(h => (h, MeetingDecisionKind.Confirm, (string?)"Masih layak didampingi; kunjungi ulang.")),
            "operator.bontangkuala", audit);
        var notPoor = plan.All.First(h => h.VillageCode == BontangKuala && h.Status == HouseholdStatus.Registered);
        await verval.SubmitProposalAsync(ProposalKind.Usul, BontangKuala, notPoor,
            "Kepala keluarga kehilangan pekerjaan sebagai buruh pelabuhan sejak tiga bulan lalu; anak dua masih sekolah.",
            "Ketua RT 07", null, null, "operator.bontangkuala", audit, ct);
    }

    private void ScheduleKutaiTimur(Plan plan, Timeline timeline)
    {
        const string Verifier = "dinsos.kutim";
        timeline.At(KutaiTimurLoaded, ct => Monitoring.SetTarget.RecordAsync(db, audit, KutaiTimur, new DateOnly(2024, 12, 31), 0, "admin", clock.GetUtcNow().UtcDateTime, ct));
        var classified = new DateOnly(2024, 1, 15);
        timeline.At(classified, ct => classification.ClassifyAsync(db.Households.InRegion(KutaiTimur), classified, StatusChanges.SystemClassification, audit, ct));

        // February to June 2024: the listed families are visited; those that do not qualify are
        // excluded ("those called poor may not be poor"), the others verified by 30 June 2024.
        var excluded = plan.KutimExcluded.Select(h => h.Id).ToHashSet();
        timeline.At(new DateOnly(2024, 2, 1), async ct =>
        {
            var round = await verval.CreateRoundAsync(KutaiTimur, "Verval Semester I 2024", new DateOnly(2024, 2, 1), new DateOnly(2024, 6, 30), 6, Verifier, audit, ct);
            await ScheduleVisitsAsync(timeline, round.Round, new DateOnly(2024, 2, 5), 140, Verifier,
                h => excluded.Contains(h.Id) ? HouseholdStatus.Excluded : HouseholdStatus.Verified, ct);
        });

        // After: graduations through the second half of 2024 and 2025; about a fifth remain.
        var leaving = plan.KutimVerified.Where((_, i) => i % 5 != 2).ToList();
        var days = Spread(leaving.Count, new DateOnly(2024, 7, 8), new DateOnly(2025, 10, 31));
        for (var i = 0; i < leaving.Count; i++)
        {
            if (days[i] <= Today)
            {
                plan.GraduatedOn[leaving[i]] = days[i];
                ScheduleRevisit(timeline, leaving[i], days[i], VisitPurpose.Graduation, Verifier, HouseholdStatus.Graduated);
            }
        }
    }

    /// <summary>A re-assessment: the task a week before, the visit on <paramref name="day"/>, its review two days later.</summary>
    private void ScheduleRevisit(Timeline timeline, Household household, DateOnly day, VisitPurpose purpose, string verifier, HouseholdStatus to)
    {
        timeline.At(day.AddDays(-7), async ct =>
        {
            var task = await verval.CreateTaskAsync(household, purpose, day.AddDays(14), verifier, audit, ct);
            timeline.At(day, _ => ScheduleVisit(timeline, task, household, day, verifier, to));
        });
    }

    /// <summary>Visits every task of a round over <paramref name="days"/> days from <paramref name="start"/>, and approves each visit.</summary>
    private async Task ScheduleVisitsAsync(Timeline timeline, VervalRound round, DateOnly start, int days, string verifier, Func<Household, HouseholdStatus> outcome, CancellationToken ct)
    {
        var tasks = db.Tasks.Local.Where(t => ReferenceEquals(t.Round, round)).ToList();
        var ids = tasks.Select(t => t.HouseholdId).ToList();
        var households = await db.Households.Where(h => ids.Contains(h.Id)).Include(h => h.Members).ToDictionaryAsync(h => h.Id, ct);
        var order = 0;
        foreach (var task in tasks)
        {
            var household = households[task.HouseholdId];
            var day = start.AddDays(order++ * days / tasks.Count);
            timeline.At(day, _ => ScheduleVisit(timeline, task, household, day, verifier, outcome(household)));
        }
    }

    /// <summary>Submits the visit of <paramref name="task"/> now (its day) and schedules its approval two days later.</summary>
    private Task ScheduleVisit(Timeline timeline, VisitTask task, Household household, DateOnly day, string verifier, HouseholdStatus to)
    {
        var finding = to is HouseholdStatus.Verified ? Poor() : NotPoor();
        var visitor = task.AssignedTo ?? "operator.bontangkuala";
        var head = household.Head;

        // Two draws per visit, as always, so the rest of the seeded scenario stays the same; they
        // place the visit within about a kilometre of its desa/kelurahan's centre.
        var (north, east) = (_f.Random.Double(-0.5, 0.5), _f.Random.Double(-0.4, 0.6) - 0.1);
        var (centreLat, centreLon) = VillageCentre(household.VillageCode);
        var report = new VisitReport
        {
            VisitedOn = day,
            Found = true,
            MetPerson = head is null ? null : $"{head.Name} (Kepala Keluarga)",
            Indicators = finding.Indicators,
            SpendingPerCapita = finding.Spending,
            MembersPresent = household.Members.Count,
            Latitude = centreLat + (north * VisitSpreadDegrees),
            Longitude = centreLon + (east * VisitSpreadDegrees),
            AccuracyMetres = _f.Random.Int(5, 40),
            Notes = to switch
            {
                HouseholdStatus.Graduated => "Kondisi membaik: kepala keluarga bekerja tetap, rumah sudah diperbaiki.",
                HouseholdStatus.Excluded => "Tidak memenuhi kriteria: penghasilan tetap, rumah permanen.",
                _ => "Kondisi sesuai data: masih miskin ekstrem.",
            },
            Recommendation = to,
        };
        var photo = Placeholder(EvidenceKind.Photo, $"foto-rumah-{household.NoKk.Value}-{day:yyyyMMdd}.jpg", "image/jpeg", $"photo:{household.NoKk.Value}:{day:yyyy-MM-dd}");
        var visit = verval.SubmitVisit(task, household, report, [photo], visitor, audit);
        timeline.At(Min(day.AddDays(2), Today), ct => verval.ApproveAsync(visit, household, verifier, null, audit, ct));
        return Task.CompletedTask;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>10.00 WITA on <paramref name="day"/>, in UTC.</summary>
    private static DateTime AtTen(DateOnly day) => day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);

    /// <summary>How far a demo visit lies from its desa's centre: ±0.006° (about 670 m) each way.</summary>
    private const double VisitSpreadDegrees = 0.012;

    /// <summary>
    /// A made-up centre of a desa/kelurahan in the Bontang and Kutai Timur area (latitude 0.1 to 1.2,
    /// longitude 117.3 to 118.0), derived from its code so that it is the same on every load.
    /// </summary>
    internal static (double Latitude, double Longitude) VillageCentre(RegionCode village)
    {
        var hash = village.Digits.Aggregate(2_166_136_261u, (a, c) => unchecked((a ^ c) * 16_777_619u));
        return (0.1 + (1.1 * (hash % 10_007) / 10_007.0), 117.3 + (0.7 * (hash / 10_007 % 10_009) / 10_009.0));
    }

    private Finding Poor() => new(
        PovertyIndicatorNames.All.Take(8).Where((_, i) => i < 6 || _f.Random.Bool(0.5f)).Aggregate(PovertyIndicators.None, (a, b) => a | b),
        _f.Random.Int(190, 310) * 1000L);

    private Finding NotPoor() => new(
        PovertyIndicatorNames.All.Where(_ => _f.Random.Bool(0.2f)).Aggregate(PovertyIndicators.None, (a, b) => a | b),
        _f.Random.Int(360, 750) * 1000L);

    /// <summary>The label of the demo's population figures, shown beside every rate computed from them.</summary>
    public const string IllustrativePopulation = "ilustrasi demo";

    /// <summary>
    /// Made-up 2024 populations of the kecamatan of Bontang and Kutai Timur, so that the dashboard can
    /// show rates; labelled as illustrative wherever they appear. Derived from the code, not the random
    /// generator, so the rest of the scenario stays the same.
    /// </summary>
    private async Task AddIllustrativePopulationAsync(CancellationToken ct)
    {
        var districts = await db.Regions.AsNoTracking()
            .Where(r => r.ParentCode == Bontang || r.ParentCode == KutaiTimur)
            .Select(r => r.Code)
            .ToListAsync(ct);
        foreach (var code in districts)
        {
            var spread = code.Value.Aggregate(2_166_136_261u, (a, c) => unchecked((a ^ c) * 16_777_619u));
            var people = (Bontang.Contains(code) ? 55_000 : 9_000) + (int)(spread % 30_000);
            db.Population.Add(new PopulationCount(code, 2024, people, IllustrativePopulation, clock.GetUtcNow().UtcDateTime));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The DTSEN version the demo's Bontang families are ranked in (made up, like the families).</summary>
    public static readonly DateOnly DtsenVersion = new(2026, 1, 15);

    /// <summary>
    /// Some Bontang families' desil confirmed by a DTSEN version, so that the household page shows a
    /// desil with its source and version. The same desil they had: nobody's classification or status
    /// changes, and the figures of the scenario stay as they are.
    /// </summary>
    private async Task RecordDtsenVersionAsync(CancellationToken ct)
    {
        if (DtsenVersion > Today)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var families = await db.Households.InRegion(Bontang).Where(h => h.Desil != null).OrderBy(h => h.Id).Take(60).ToListAsync(ct);
        foreach (var family in families)
        {
            var fact = new HouseholdDesil(family.Id, family.Desil!.Value, "DTSEN", DtsenVersion, "demo", now);
            db.HouseholdDesils.Add(fact);
            family.SetDesil(fact.Desil, fact.Source, fact.Period);
            family.Touch(now);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A stand-in for a photo or the berita acara: a record with a unique hash and no file behind it.</summary>
    private static EvidenceFile Placeholder(EvidenceKind kind, string fileName, string contentType, string seed) =>
        new(kind, fileName, contentType, 0, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("demo:" + seed))), null);

    /// <summary>The real today: the scenario's history runs up to it and stops there.</summary>
    private DateOnly Today => time.Today();

    private static List<DateOnly> Spread(int count, DateOnly from, DateOnly to)
    {
        var span = to.DayNumber - from.DayNumber;
        return Enumerable.Range(0, count).Select(i => from.AddDays(count == 1 ? span : (int)((long)i * span / (count - 1)))).ToList();
    }

    private static (int Quarter, DateOnly Start, DateOnly End) QuarterOf(DateOnly day)
    {
        var q = ((day.Month - 1) / 3) + 1;
        var start = new DateOnly(day.Year, ((q - 1) * 3) + 1, 1);
        return (q, start, start.AddMonths(3).AddDays(-1));
    }

    private static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };

    private async Task EnsureAccountAsync(DemoAccount account, CancellationToken ct)
    {
        var region = account.Region is null ? null : RegionCode.From(account.Region);
        var added = await addUser.AddAsync(account.UserName, Roles.ParseWire(account.Role)!.Value, region, DemoPassword, "demo", ct: ct);
        if (added.Error is { } error && !error.English.Contains("already exists", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Demo account {account.UserName}: {error.English}");
        }
    }

    /// <summary>A facilitator for every kecamatan of the two regions, so every visit has a visitor who is not the reviewer.</summary>
    private async Task<List<DemoAccount>> FieldAccountsAsync(CancellationToken ct)
    {
        var districts = await db.Regions.AsNoTracking()
            .Where(r => r.ParentCode == Bontang || r.ParentCode == KutaiTimur)
            .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var list = new List<DemoAccount>();
        foreach (var d in districts)
        {
            var slug = new string(d.Name.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
            var account = new DemoAccount("pendamping." + slug, "facilitator", d.Code.Value, "Pendamping Kecamatan " + d.Name);
            if (Accounts.All(a => a.UserName != account.UserName))
            {
                await EnsureAccountAsync(account, ct);
                list.Add(account);
            }
        }

        return list;
    }

    /// <summary>The villages of a regency, in code order: its districts' children.</summary>
    private async Task<List<RegionCode>> VillagesOfAsync(RegionCode regency, CancellationToken ct)
    {
        var districts = await db.Regions.AsNoTracking().Where(r => r.ParentCode == regency).Select(r => r.Code).ToListAsync(ct);
        var villages = await db.Regions.AsNoTracking().Where(r => r.ParentCode != null && districts.Contains(r.ParentCode)).Select(r => r.Code).ToListAsync(ct);
        return villages.Order().ToList();
    }

    /// <summary>
    /// A clock set to a moment of the replayed history (a step of a day from 08.00 WITA, four minutes
    /// apart, until 16.00), never later than the real time; or the real time once reset.
    /// </summary>
    private sealed class ReplayClock(TimeProvider real) : TimeProvider
    {
        private DateTimeOffset? _at;

        public void Set(DateOnly day, int step = 0)
        {
            var at = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(Math.Min(step * 4, 480));
            _at = at > real.GetUtcNow() ? real.GetUtcNow() : at;
        }

        public void Reset() => _at = null;

        public override DateTimeOffset GetUtcNow() => _at ?? real.GetUtcNow();
    }

    /// <summary>
    /// The scenario's steps in the order of their days, each run with the clock on its day; a step may
    /// schedule later ones (a visit schedules its review). Steps of one day run in the order they were
    /// scheduled.
    /// </summary>
    private sealed class Timeline(ReplayClock clock)
    {
        private readonly PriorityQueue<Func<CancellationToken, Task>, (DateOnly Day, long Order)> _steps = new();
        private long _order;
        private DateOnly _day = DateOnly.MinValue;

        public void At(DateOnly day, Func<CancellationToken, Task> step)
        {
            if (day < _day)
            {
                throw new InvalidOperationException($"A step of {day:yyyy-MM-dd} cannot be scheduled once {_day:yyyy-MM-dd} has come.");
            }

            _steps.Enqueue(step, (day, _order++));
        }

        public async Task RunAsync(CancellationToken ct)
        {
            var ofDay = 0;
            while (_steps.TryDequeue(out var step, out var when))
            {
                ofDay = when.Day == _day ? ofDay + 1 : 0;
                _day = when.Day;
                clock.Set(when.Day, ofDay);
                await step(ct);
            }

            clock.Reset();
        }
    }

    private sealed record Finding(PovertyIndicators Indicators, long Spending);

    private sealed class Plan
    {
        public List<Household> All { get; } = [];

        public List<Household> BontangRemaining { get; } = [];

        public List<Household> BontangGraduating { get; } = [];

        public List<Household> KutimVerified { get; } = [];

        public List<Household> KutimExcluded { get; } = [];

        /// <summary>The day each graduated household graduated.</summary>
        public Dictionary<Household, DateOnly> GraduatedOn { get; } = new(ReferenceEqualityComparer.Instance);

        public List<Household> NotPoor { get; } = [];
    }
}
