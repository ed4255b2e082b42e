using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.Common;
using Tuntas.Data.Monitoring;
using Tuntas.Data.Tests.Import;
using Tuntas.Data.Tests.Verification;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Testing;
using Xunit.Abstractions;

namespace Tuntas.Data.Tests.Monitoring;

/// <summary>
/// Every published figure equals a recomputation from each household's own history, on every day,
/// whatever order the writes came in: imports that move families, visits approved with an effective
/// date before a later move, returns, re-listings, exclusions and deliveries, in seeded random
/// sequences over several villages of two regencies.
/// </summary>
public class FiguresHistoryTests(ITestOutputHelper output)
{
    private const string BontangKuala = "64.74.01.1001";
    private const string BontangBaru = "64.74.01.1002";

    /// <summary>Villages in two kecamatan of Kota Bontang and two of Kutai Timur.</summary>
    private static readonly string[] Villages = [BontangKuala, BontangBaru, "64.74.02.1001", "64.08.01.2001", "64.08.03.2001"];

    private static readonly DateOnly Start = new(2026, 5, 4);

    [Theory, DatabaseData]
    public async Task MoveThenBackdatedApproval_GivesTheSameFiguresAsApprovalFirst(TestProvider provider)
    {
        // V: the visit recommending graduation; I: the import that moves the family to Bontang Baru.
        var visitDay = Start.AddDays(10);
        var moveDay = Start.AddDays(15);
        await using var approvalFirst = await TestDatabase.CreateAsync(provider);
        await using var moveFirst = await TestDatabase.CreateAsync(provider);
        foreach (var (database, approveBeforeMove) in new[] { (approvalFirst, true), (moveFirst, false) })
        {
            await using var services = VervalKit.Services(database);
            var family = new FamilyModel(1, BontangKuala, 200_000);
            await ImportAsync(database, Start, family);
            var verify = await SubmitAsync(services, family.NoKk, Start.AddDays(1), HouseholdStatus.Verified, 200_000, Start.AddDays(1));
            Assert.True((await ApproveAsync(services, verify, Start.AddDays(1))).Succeeded);
            var graduate = await SubmitAsync(services, family.NoKk, visitDay, HouseholdStatus.Graduated, 900_000, visitDay);
            family.Spending = 900_000;
            if (approveBeforeMove)
            {
                Assert.True((await ApproveAsync(services, graduate, visitDay.AddDays(1))).Succeeded);
            }

            family.Village = BontangBaru;
            await ImportAsync(database, moveDay, family);
            if (!approveBeforeMove)
            {
                var approved = await ApproveAsync(services, graduate, moveDay.AddDays(1));
                Assert.True(approved.Succeeded, approved.Error?.English);
            }
        }

        string[] regions = ["64", "64.74", "64.74.01", BontangKuala, BontangBaru];
        await using var a = approvalFirst.CreateContext();
        await using var b = moveFirst.CreateContext();
        for (var day = Start.AddDays(-1); day <= moveDay.AddDays(3); day = day.AddDays(1))
        {
            foreach (var region in regions.Select(RegionCode.From))
            {
                var first = await PublishedAsync(a, region, day);
                var second = await PublishedAsync(b, region, day);
                Assert.True(first == second, $"{region.Value} on {day:yyyy-MM-dd}: approval first {first}, move first {second}");
            }
        }

        // Graduated from the visit day, where the family lived then; in Bontang Baru from the move.
        var kuala = await PublishedAsync(b, RegionCode.From(BontangKuala), moveDay.AddDays(-1));
        var baru = await PublishedAsync(b, RegionCode.From(BontangBaru), moveDay.AddDays(3));
        Assert.Equal((0, 1, 1, 1), (kuala.Caseload, kuala.Graduated, kuala.Exits, kuala.WithVisit));
        Assert.Equal((0, 1, 1, 1), (baru.Caseload, baru.Graduated, baru.Exits, baru.WithVisit));
        Assert.Equal((1, 0), ((await PublishedAsync(b, RegionCode.From("64.74"), visitDay.AddDays(-1))).Caseload, (await PublishedAsync(b, RegionCode.From("64.74"), visitDay)).Caseload));
        var household = await b.Households.SingleAsync();
        Assert.Equal((HouseholdStatus.Graduated, BontangBaru), (household.Status, household.VillageCode.Value));

        await AssertEveryDayAgreesWithHistoryAsync(moveFirst, Start, moveDay.AddDays(3));
        await AssertEveryDayAgreesWithHistoryAsync(approvalFirst, Start, moveDay.AddDays(3));
    }

    [Theory, DatabaseData]
    public async Task RandomSequencesOfWrites_FiguresEqualEachHouseholdsHistory_OnEveryDay(TestProvider provider)
    {
        // TUNTAS_FIGURES_SEQUENCES and TUNTAS_FIGURES_STEPS make the run longer (see docs/performance.md).
        var sequences = Setting("TUNTAS_FIGURES_SEQUENCES", 1);
        var steps = Setting("TUNTAS_FIGURES_STEPS", 300);
        var totals = new RunTotals();
        for (var seed = 1; seed <= sequences; seed++)
        {
            await using var database = await TestDatabase.CreateAsync(provider);
            var end = await RunSequenceAsync(database, seed, steps, totals);
            await AssertEveryDayAgreesWithHistoryAsync(database, Start, end);
        }

        output.WriteLine($"{provider}: {sequences} sequences, {totals}");

        // The run must have exercised what it claims to, or it proves nothing.
        Assert.True(totals.Steps >= sequences * steps, $"{totals}");
        Assert.True(totals.Moves > 0 && totals.ApprovedBeforeLaterMove > 0 && totals.Graduations > 0 && totals.Exclusions > 0, $"{totals}");
        Assert.True(totals.Returns > 0 && totals.Relistings > 0 && totals.Deliveries > 0 && totals.Refused > 0, $"{totals}");
    }

    private sealed class RunTotals
    {
        public int Steps { get; set; }

        public int Moves { get; set; }

        public int ApprovedBeforeLaterMove { get; set; }

        public int Graduations { get; set; }

        public int Exclusions { get; set; }

        public int Returns { get; set; }

        public int Relistings { get; set; }

        public int Deliveries { get; set; }

        public int Refused { get; set; }

        public override string ToString() =>
            $"steps {Steps}, moves {Moves}, approvals dated before a later move {ApprovedBeforeLaterMove}, graduations {Graduations}, exclusions {Exclusions}, " +
            $"returns {Returns}, re-listings {Relistings}, deliveries {Deliveries}, refused {Refused}";
    }

    /// <summary>One seeded sequence of writes through the real paths; returns its last day.</summary>
    private static async Task<DateOnly> RunSequenceAsync(TestDatabase database, int seed, int steps, RunTotals totals)
    {
        var random = new Random(seed);
        await using var services = VervalKit.Services(database);
        var families = new List<FamilyModel>();
        var pending = new List<(long VisitId, string NoKk, DateOnly VisitedOn)>();
        var delivered = new HashSet<(string, DateOnly)>();
        var day = Start;
        for (var step = 0; step < steps; step++)
        {
            totals.Steps++;
            var roll = random.Next(100);
            if (families.Count < 4 || roll < 12)
            {
                var first = families.Count + 1;
                var created = Enumerable.Range(first, random.Next(1, 3))
                    .Select(n => new FamilyModel(n, Villages[random.Next(Villages.Length)], 150_000 + random.Next(150_000)))
                    .ToList();
                families.AddRange(created);
                await ImportAsync(database, day, [.. created]);
            }
            else if (roll < 27)
            {
                // Moves of one or two families, a member more now and then, in one file.
                var moved = Pick(random, families, 1 + random.Next(2));
                foreach (var family in moved)
                {
                    family.Village = Villages.Where(v => v != family.Village).ElementAt(random.Next(Villages.Length - 1));
                    family.Members = random.Next(4) == 0 ? Math.Min(family.Members + 1, 3) : family.Members;
                }

                totals.Moves += moved.Count;
                totals.ApprovedBeforeLaterMove += pending.Count(p => moved.Any(f => f.NoKk == p.NoKk) && p.VisitedOn < day);
                await ImportAsync(database, day, [.. moved]);
            }
            else if (roll < 33)
            {
                // A graduated family's file says it is poor again: the import lists it once more.
                await using var db = database.CreateContext();
                var graduated = await db.Households.AsNoTracking().Where(h => h.Status == HouseholdStatus.Graduated).Select(h => h.NoKk).ToListAsync();
                if (graduated.Count > 0)
                {
                    var chosen = graduated[random.Next(graduated.Count)].Value;
                    var family = families.Single(f => f.NoKk == chosen);
                    family.Spending = 150_000 + random.Next(100_000);
                    await ImportAsync(database, day, family);
                    totals.Relistings += await StatusAsync(database, family.NoKk) == HouseholdStatus.Listed ? 1 : 0;
                }
            }
            else if (roll < 55)
            {
                // A visit, dated up to three weeks back, recommending what a visitor might.
                var family = families[random.Next(families.Count)];
                var (status, since) = await StatusAndSinceAsync(database, family.NoKk);
                if (status.IsCaseload())
                {
                    var earliest = since is { } s && s > day.AddDays(-21) ? s : day.AddDays(-21);
                    var visitedOn = earliest.AddDays(random.Next(day.DayNumber - earliest.DayNumber + 1));
                    HouseholdStatus?[] choices = status == HouseholdStatus.Listed
                        ? [HouseholdStatus.Verified, HouseholdStatus.Verified, HouseholdStatus.Verified, HouseholdStatus.Excluded, null]
                        : [HouseholdStatus.Graduated, HouseholdStatus.Graduated, HouseholdStatus.Graduated, HouseholdStatus.Excluded, HouseholdStatus.Moved, HouseholdStatus.Deceased, null];
                    var recommend = choices[random.Next(choices.Length)];
                    var spending = recommend == HouseholdStatus.Graduated ? 800_000 + random.Next(400_000) : 150_000 + random.Next(150_000);
                    family.Spending = spending;
                    pending.Add((await SubmitAsync(services, family.NoKk, visitedOn, recommend, spending, day), family.NoKk, visitedOn));
                }
            }
            else if (roll < 72 && pending.Count > 0)
            {
                var (visit, noKk, _) = pending[random.Next(pending.Count)];
                pending.RemoveAll(p => p.VisitId == visit);
                var before = await StatusAsync(database, noKk);
                var result = await ApproveAsync(services, visit, day);
                totals.Refused += result.Succeeded ? 0 : 1;
                var after = await StatusAsync(database, noKk);
                totals.Graduations += before != after && after == HouseholdStatus.Graduated ? 1 : 0;
                totals.Exclusions += before != after && after == HouseholdStatus.Excluded ? 1 : 0;
            }
            else if (roll < 77 && pending.Count > 0)
            {
                var (visit, _, _) = pending[random.Next(pending.Count)];
                pending.RemoveAll(p => p.VisitId == visit);
                await using var unit = VervalKit.Open(services);
                unit.Clock.AdjustTime(Noon(day));
                var result = await unit.Scope<ReviewVisit>().ReturnAsync(RegionScope.National, visit, await VersionAsync(unit, visit), VervalKit.Reviewer, "Foto rumah tidak jelas; kunjungi lagi.");
                Assert.True(result.Succeeded, result.Error?.English);
                totals.Returns++;
            }
            else if (roll < 90)
            {
                var family = families[random.Next(families.Count)];
                var on = day.AddDays(-random.Next(40));
                if (delivered.Add((family.NoKk, on)))
                {
                    await DeliverAsync(services, family.NoKk, on, day, random.Next(3) == 0 ? on.AddMonths(2) : null);
                    totals.Deliveries++;
                }
            }
            else
            {
                day = day.AddDays(1 + random.Next(3));
            }
        }

        return day;
    }

    /// <summary>
    /// For every day from <paramref name="from"/> to <paramref name="to"/> and every region the
    /// households touch: the maintained counts of every measure equal the same counts recomputed
    /// here from each household's own events, the village each event carries is where the family
    /// lived that day, today's figures agree with each household's current status, and the published
    /// figures (<see cref="FiguresCheck"/>) agree with the history.
    /// </summary>
    private static async Task AssertEveryDayAgreesWithHistoryAsync(TestDatabase database, DateOnly from, DateOnly to)
    {
        await using var db = database.CreateContext();
        var events = (await db.StatusEvents.AsNoTracking()
                .Select(e => new { e.HouseholdId, e.Id, e.From, e.To, e.EffectiveDate, Village = e.VillageCode, WithVisit = e.VisitId != null })
                .ToListAsync())
            .GroupBy(e => e.HouseholdId)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.EffectiveDate).ThenBy(e => e.Id).ToList());
        var households = await db.Households.AsNoTracking().ToDictionaryAsync(h => h.Id);
        var people = await db.People.GroupBy(p => p.HouseholdId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var deliveries = (await db.Deliveries.AsNoTracking().Select(d => new { d.HouseholdId, d.Date, d.PeriodEnd }).ToListAsync()).ToLookup(d => d.HouseholdId);
        var window = await DayCountStore.WindowAsync(db);
        var stored = (await db.DayCounts.AsNoTracking().ToListAsync())
            .GroupBy(c => (Region: c.Region.Value, c.Measure))
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Day).Select(c => (c.Day, c.Households, c.People)).ToList());
        Assert.NotEmpty(events);

        HouseholdStatus[] caseload = [HouseholdStatus.Listed, HouseholdStatus.Verified];
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var expected = new Dictionary<(string Region, string Measure), (int Households, int People)>();
            void Add(RegionCode village, string measure, int persons)
            {
                foreach (var region in Enum.GetValues<RegionLevel>().Select(village.AtLevel).OfType<RegionCode>())
                {
                    var (h, p) = expected.GetValueOrDefault((region.Value, measure));
                    expected[(region.Value, measure)] = (h + 1, p + persons);
                }
            }

            foreach (var (id, history) in events)
            {
                var upToDay = history.Where(e => e.EffectiveDate <= day).ToList();
                var persons = people.GetValueOrDefault(id);
                foreach (var entry in upToDay.Where(e => e.From != e.To && e.To.IsExit()))
                {
                    Add(entry.Village, DayCountMeasure.Entered(entry.To), persons);
                }

                if (upToDay.Count == 0)
                {
                    continue;
                }

                var last = upToDay[^1];
                Assert.True(households[id].VillageOn(day) == last.Village, $"KK {households[id].NoKk.Value} on {day:yyyy-MM-dd}: counted in {last.Village.Value}, lived in {households[id].VillageOn(day).Value}");
                if (last.To != HouseholdStatus.Registered)
                {
                    Add(last.Village, DayCountMeasure.Status(last.To), persons);
                }

                if (caseload.Contains(last.To))
                {
                    Add(last.Village, DayCountMeasure.Caseload, persons);
                }

                // A move keeps the change that led to the status: an exit from the caseload stays one.
                var change = last.From != last.To ? last : upToDay.LastOrDefault(e => e.From != e.To) is { } c && c.To == last.To ? c : last;
                if (last.To.IsExit() && caseload.Contains(change.From))
                {
                    Add(last.Village, DayCountMeasure.ExitedFromCaseload, persons);
                    if (change.WithVisit)
                    {
                        Add(last.Village, DayCountMeasure.ExitedWithVisit, persons);
                    }
                }

                if (last.To == HouseholdStatus.Verified && deliveries[id].Any(d => d.Date <= day && (d.PeriodEnd ?? d.Date) >= window.Start(day)))
                {
                    Add(last.Village, DayCountMeasure.InHandling, 0);
                }
            }

            foreach (var key in expected.Keys.Union(stored.Keys))
            {
                var kept = stored.TryGetValue(key, out var rows) ? rows.Where(r => r.Day <= day).Aggregate((0, 0), (s, r) => (s.Item1 + r.Households, s.Item2 + r.People)) : (0, 0);
                var want = expected.GetValueOrDefault(key);
                Assert.True(want == kept, $"{key.Measure} in {key.Region} on {day:yyyy-MM-dd}: kept {kept}, history {want}");
            }
        }

        // Today's figures agree with each household's current status and village.
        foreach (var (id, history) in events)
        {
            var last = history.Where(e => e.EffectiveDate <= to).Last();
            Assert.Equal((households[id].Status, households[id].VillageCode), (last.To, last.Village));
        }

        // The published figures, as screens and the API read them, agree with the history: in every
        // kecamatan, kabupaten/kota and the province, on three days of the period.
        await using var scope = VervalKit.Services(database).CreateAsyncScope();
        var check = scope.ServiceProvider.GetRequiredService<FiguresCheck>();
        var regions = events.Values.SelectMany(h => h).Select(e => e.Village)
            .SelectMany(v => new[] { RegionLevel.Province, RegionLevel.Regency, RegionLevel.District }.Select(v.AtLevel).OfType<RegionCode>()).Distinct().ToList();
        foreach (var day in new[] { from.AddDays((to.DayNumber - from.DayNumber) / 3), from.AddDays((to.DayNumber - from.DayNumber) * 2 / 3), to })
        {
            foreach (var region in regions)
            {
                var result = (await check.RunAsync(region, day))!;
                Assert.True(result.Agree, $"{region.Value} on {day:yyyy-MM-dd}: " + string.Join("; ", result.Differences));
            }
        }

        await DayCountTests.AssertSameAsRebuildAsync(db);
    }

    private readonly record struct Published(int? Caseload, int? People, int? Verified, int? Graduated, int? Excluded, int Exits, int WithVisit, string Children, int Trend);

    /// <summary>The figures screens publish for a region on a day: headline, exits, field-visit share, children and the trend.</summary>
    private static async Task<Published> PublishedAsync(TuntasDbContext db, RegionCode region, DateOnly day)
    {
        var headline = new HeadlineQuery(db);
        var figures = (await headline.ComputeAsync(region, day))!;
        var proof = await new PublicFiguresQuery(db, headline).FieldProofAsync(region, day);
        var dashboard = new DashboardQuery(db, headline);
        var children = string.Join(",", (await dashboard.ChildrenAsync(region, day)).Where(c => c.Households > 0).Select(c => $"{c.Code.Value}={c.Households}/{c.People}"));
        var trend = (await dashboard.TrendAsync(region, day)).Sum(p => p.Households);
        return new Published(figures.ExtremePoor.Households, figures.ExtremePoor.People, figures.ExtremePoor.Verified, figures.Exited.Graduated, figures.Exited.Excluded,
            proof.Exits, proof.BackedByVisit, children, trend);
    }

    private sealed class FamilyModel(int n, string village, long spending)
    {
        public string NoKk { get; } = $"6474010101{n:000000}";

        public int Number { get; } = n;

        public string Village { get; set; } = village;

        public long Spending { get; set; } = spending;

        public int Members { get; set; } = 1;

        public IEnumerable<string> Rows()
        {
            // Born on a day that depends on the family, so that every NIK is unique and agrees with its date.
            var birth = new DateOnly(1970, 1, 1).AddDays(Number);
            string Nik(int member, bool woman) => FormattableString.Invariant($"647401{birth.Day + (woman ? 40 : 0):00}{birth.Month:00}{birth.Year % 100:00}{Number % 10000 * 10 % 10000 + member:0000}");
            var spending = Spending.ToString(CultureInfo.InvariantCulture);
            yield return $"{NoKk},{Village},{Nik(1, false)},Kepala {Number},L,{birth:yyyy-MM-dd},Kepala Keluarga,Jl. {Number},{spending},";
            for (var m = 2; m <= Members; m++)
            {
                yield return $"{NoKk},{Village},{Nik(m, true)},Anggota {Number}-{m},P,{birth:yyyy-MM-dd},{(m == 2 ? "Istri" : "Anak")},,,";
            }
        }
    }

    private static async Task ImportAsync(TestDatabase database, DateOnly day, params FamilyModel[] families)
    {
        var csv = new StringBuilder(ImportKit.Header).Append('\n');
        foreach (var row in families.SelectMany(f => f.Rows()))
        {
            csv.Append(row).Append('\n');
        }

        var summary = await ImportKit.ImportAsync(database, ImportKit.Write(csv.ToString()), now: Noon(day));
        Assert.True(summary.Rejected == 0, $"import on {day:yyyy-MM-dd} rejected: " + string.Join("; ", ImportKit.Errors(summary)));
    }

    private static async Task<long> SubmitAsync(ServiceProvider services, string noKk, DateOnly visitedOn, HouseholdStatus? recommend, long spending, DateOnly today)
    {
        await using var unit = VervalKit.Open(services);
        await unit.Audit.BeginAsync();
        var household = await unit.Db.Households.SingleAsync(h => h.NoKk == NomorKk.From(noKk));
        var visit = await VervalKit.SubmitAsync(unit, household, visitedOn, recommend, spending, recommend == HouseholdStatus.Graduated ? VisitPurpose.Graduation : VisitPurpose.Verification);
        await unit.Audit.CommitAsync();
        unit.Clock.AdjustTime(Noon(today));
        return visit.Id;
    }

    private static async Task<WriteResult<long>> ApproveAsync(ServiceProvider services, long visit, DateOnly day)
    {
        await using var unit = VervalKit.Open(services);
        unit.Clock.AdjustTime(Noon(day));
        return await unit.Scope<ReviewVisit>().ApproveAsync(RegionScope.National, visit, await VersionAsync(unit, visit), VervalKit.Reviewer, null);
    }

    private static Task<int> VersionAsync(VervalKit.Unit unit, long visit) =>
        unit.Db.Visits.AsNoTracking().Where(v => v.Id == visit).Select(v => v.Version).SingleAsync();

    private static async Task DeliverAsync(ServiceProvider services, string noKk, DateOnly on, DateOnly today, DateOnly? periodEnd)
    {
        await using var unit = VervalKit.Open(services);
        unit.Clock.AdjustTime(Noon(today));
        var work = unit.Scope<UnitOfWork>();
        var result = await work.RunAsync(async ct =>
        {
            var id = await work.Db.Households.Where(h => h.NoKk == NomorKk.From(noKk)).Select(h => h.Id).SingleAsync(ct);
            work.Db.Deliveries.Add(new Delivery("SEMBAKO", id, null, "Dinas Sosial", new DeliveryReport { Date = on, PeriodEnd = periodEnd, Amount = 200_000 },
                DeliverySource.Entered, noKk, VervalKit.Reviewer, today, work.Clock.UtcNow));
        });
        Assert.True(result.Succeeded, result.Error?.English);
    }

    private static async Task<HouseholdStatus> StatusAsync(TestDatabase database, string noKk) => (await StatusAndSinceAsync(database, noKk)).Status;

    private static async Task<(HouseholdStatus Status, DateOnly? Since)> StatusAndSinceAsync(TestDatabase database, string noKk)
    {
        await using var db = database.CreateContext();
        var h = await db.Households.AsNoTracking().Where(h => h.NoKk == NomorKk.From(noKk)).Select(h => new { h.Status, h.StatusSince }).SingleAsync();
        return (h.Status, h.StatusSince);
    }

    private static List<FamilyModel> Pick(Random random, List<FamilyModel> families, int count) =>
        families.OrderBy(_ => random.Next()).Take(count).ToList();

    private static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
