using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tuntas.Data.Interventions;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.Demo;

/// <summary>
/// The deliveries of the demo scenario, loaded the way agencies send them: recipient lists per
/// programme and period, imported with <see cref="ImportRecipientList"/> on the day after each
/// distribution. Bontang's families got PKH, sembako and health insurance while poor, and padat
/// karya, training or a repaired house before they graduated; the seven that remain are still
/// receiving. In Kutai Timur about a third of the families verified by mid-2024 had been reached
/// by nothing, a few well-off families received sembako (leakage), and the agencies' lists hold
/// some numbers the register does not know (the follow-up list).
/// </summary>
public sealed partial class DemoLoader
{
    private const string Header = "no_kk,nik,tanggal,tanggal_akhir,nilai,keterangan";

    /// <summary>Schedules each agency list on the day it was sent, imported as the agency would.</summary>
    private void ScheduleDeliveries(Plan plan, Timeline timeline)
    {
        var lists = new List<RecipientList>();
        BontangLists(plan, lists);
        KutaiTimurLists(plan, lists);
        var n = 0;
        foreach (var list in lists.Where(l => l.Rows.Count > 0 && l.Published <= Today).OrderBy(l => l.Published).ThenBy(l => l.Programme, StringComparer.Ordinal))
        {
            var number = ++n;
            timeline.At(list.Published, ct => ImportListAsync(list, number, ct));
        }
    }

    private async Task ImportListAsync(RecipientList list, int number, CancellationToken ct)
    {
        // The import is its own unit of work inside the demo's transaction: the scenario so far is
        // saved, its day counts applied (the import's own tracker then reads them as they stand,
        // and nothing is counted twice) and its entries appended first, so the chain stays in the
        // order of the days.
        await db.SaveChangesAsync(ct);
        await db.CountTracker.ApplyAsync(ct);
        await audit.FlushAsync(ct);

        // On a context of its own in the same transaction, so that the import does not scan every
        // record of the replay that the demo's context tracks.
        await using var lists = Database.TuntasDatabase.OnSameConnection(db);
        await lists.Database.UseTransactionAsync(db.Database.CurrentTransaction!.GetDbTransaction(), ct);
        var folder = Directory.CreateTempSubdirectory("tuntas-demo-list-");
        try
        {
            var path = Path.Combine(folder.FullName, $"{number:000}-{list.Programme.ToLowerInvariant()}-{list.Published:yyyyMMdd}.csv");
            await File.WriteAllTextAsync(path, Header + "\n" + string.Join("\n", list.Rows) + "\n", new UTF8Encoding(false), ct);
            var importing = new ImportRecipientList(new Common.UnitOfWork(lists, new Audit.AuditTrail(lists, clock), new RegionClock(clock)), new RecipientListImporter(lists, clock));
            var imported = await importing.RunAsync(new RecipientImportOptions(path, list.Programme, path + ".errors.csv", new RegionScope(list.Region), list.Officer), ct);
            if (imported.Error is { } error)
            {
                throw new InvalidOperationException($"The demo list {path} was refused: {error.English}");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Disnakertrans Kutai Timur's officer records padat karya.</summary>
    private async Task SetUpAgencyOfficerAsync(CancellationToken ct)
    {
        var officer = await db.Users.SingleOrDefaultAsync(u => u.UserName == "disnakertrans.kutim", ct);
        if (officer is not null)
        {
            officer.ProgrammeCode = "PADAT-KARYA";
        }
    }

    private void BontangLists(Plan plan, List<RecipientList> lists)
    {
        var poor = plan.BontangRemaining.Concat(plan.BontangGraduating).ToList();
        DateOnly? Until(Household h) => plan.GraduatedOn.TryGetValue(h, out var day) ? day : null;

        // PKH and sembako every quarter from 2023 to the families still poor at the start of it.
        for (var quarter = new DateOnly(2023, 1, 1); quarter <= Today; quarter = quarter.AddMonths(3))
        {
            var end = quarter.AddMonths(3).AddDays(-1);
            var paid = quarter.AddDays(14);
            var stage = $"tahap {(quarter.Month + 2) / 3} {quarter.Year}";
            var pkh = new RecipientList("PKH", Bontang, paid.AddDays(3), "dinsos.bontang");
            var sembako = new RecipientList("SEMBAKO", Bontang, paid.AddDays(5), "dinsos.bontang");
            for (var i = 0; i < poor.Count; i++)
            {
                var h = poor[i];
                if (Until(h) is { } left && left <= quarter)
                {
                    continue;
                }

                pkh.Family(h, paid, end, 750_000, "PKH " + stage);
                if (i % 5 != 4)
                {
                    sembako.Family(h, paid.AddDays(2), end, 600_000, "BPNT " + stage);
                }
            }

            lists.Add(pkh);
            lists.Add(sembako);
        }

        // Free health insurance, renewed each January, for every member of a family still poor.
        for (var year = 2023; year <= Today.Year; year++)
        {
            var start = new DateOnly(year, 1, 2);
            var jkn = new RecipientList("PBI-JK", Bontang, start.AddDays(20), "dinsos.bontang");
            foreach (var h in poor.Where(h => Until(h) is not { } left || left > start))
            {
                foreach (var m in h.Members)
                {
                    jkn.Person(m, start, new DateOnly(year, 12, 31), 42_000 * 12, "PBI-JK " + year.ToString(CultureInfo.InvariantCulture));
                }
            }

            lists.Add(jkn);
        }

        // Before graduating: paid public works, training, a repaired house or business capital.
        var works = new Dictionary<(string, DateOnly), RecipientList>();
        RecipientList Monthly(string programme, DateOnly day, string officer)
        {
            var month = new DateOnly(day.Year, day.Month, 1).AddMonths(1);
            var key = (programme, month);
            if (!works.TryGetValue(key, out var list))
            {
                list = works[key] = new RecipientList(programme, Bontang, month.AddDays(4), officer);
                lists.Add(list);
            }

            return list;
        }

        for (var i = 0; i < plan.BontangGraduating.Count; i++)
        {
            var h = plan.BontangGraduating[i];
            if (Until(h) is not { } graduated || h.Head is not { } head)
            {
                continue;
            }

            switch (i % 4)
            {
                case 0:
                    var work = graduated.AddDays(-120);
                    Monthly("PADAT-KARYA", work, "disnakertrans.bontang").Person(head, work, work.AddDays(59), 3_000_000, "Padat karya saluran drainase");
                    break;
                case 1:
                    var course = graduated.AddDays(-150);
                    Monthly("PELATIHAN", course, "disnakertrans.bontang").Person(head, course, course.AddDays(20), 2_500_000, "Pelatihan las dan otomotif BLK");
                    break;
                case 2:
                    var repair = graduated.AddDays(-90);
                    Monthly("RTLH", repair, "perkim.bontang").Family(h, repair, null, 20_000_000, "Bedah rumah: lantai, dinding, jamban");
                    break;
                default:
                    var capital = graduated.AddDays(-100);
                    Monthly("MODAL-USAHA", capital, "diskop.bontang").Family(h, capital, null, 5_000_000, "Modal usaha warung");
                    break;
            }
        }
    }

    private void KutaiTimurLists(Plan plan, List<RecipientList> lists)
    {
        var verified = plan.KutimVerified;
        var line = 322_170L;

        // The first half of 2024: half the verified families on PKH, some on sembako and health
        // insurance, padat karya in Muara Ancalong; a third reached by nothing yet.
        foreach (var (quarter, paid) in new[] { (new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 20)), (new DateOnly(2024, 4, 1), new DateOnly(2024, 5, 15)) })
        {
            var end = quarter.AddMonths(3).AddDays(-1);
            var pkh = new RecipientList("PKH", KutaiTimur, paid.AddDays(3), "dinsos.kutim");
            var sembako = new RecipientList("SEMBAKO", KutaiTimur, paid.AddDays(6), "dinsos.kutim");
            for (var i = 0; i < verified.Count; i++)
            {
                if (i % 10 < 5)
                {
                    pkh.Family(verified[i], paid, end, 750_000, "PKH Kutai Timur");
                }

                if (i % 10 is 3 or 4 or 5)
                {
                    sembako.Family(verified[i], paid.AddDays(3), end, 600_000, "BPNT Kutai Timur");
                }
            }

            if (quarter.Month == 4)
            {
                // Families well above the line on the sembako list, and numbers the register does not know.
                foreach (var h in plan.NotPoor.Where(h => KutaiTimur.Contains(h.VillageCode) && h.SpendingPerCapita >= 3 * line).Take(8))
                {
                    sembako.Family(h, paid.AddDays(3), end, 600_000, "BPNT Kutai Timur");
                }

                for (var k = 0; k < 5; k++)
                {
                    sembako.Unknown($"640801{(k + 1) * 3:00}0{k + 1}850{k:000}", paid.AddDays(3), end, 600_000);
                }
            }

            lists.Add(pkh);
            lists.Add(sembako);
        }

        var jkn = new RecipientList("PBI-JK", KutaiTimur, new DateOnly(2024, 3, 4), "dinsos.kutim");
        var works = new RecipientList("PADAT-KARYA", KutaiTimur, new DateOnly(2024, 6, 3), "disnakertrans.kutim");
        for (var i = 0; i < verified.Count; i++)
        {
            if (i % 10 < 6 && i % 10 != 2)
            {
                foreach (var m in verified[i].Members)
                {
                    jkn.Person(m, new DateOnly(2024, 3, 1), new DateOnly(2024, 12, 31), 42_000 * 10, "PBI-JK 2024");
                }
            }

            if (MuaraAncalong.Contains(verified[i].VillageCode) && i % 10 == 6 && verified[i].Head is { } head)
            {
                works.Person(head, new DateOnly(2024, 5, 2), new DateOnly(2024, 5, 31), 2_400_000, "Padat karya jalan usaha tani");
            }
        }

        lists.Add(jkn);
        lists.Add(works);

        // Before graduating (second half of 2024 and 2025): work, training or business capital.
        var later = new Dictionary<(string, int, int), RecipientList>();
        for (var i = 0; i < verified.Count; i++)
        {
            var h = verified[i];
            if (!plan.GraduatedOn.TryGetValue(h, out var graduated) || h.Head is not { } head)
            {
                continue;
            }

            var day = graduated.AddDays(-75);
            var programme = (i % 3) switch { 0 => "PADAT-KARYA", 1 => "PELATIHAN", _ => "MODAL-USAHA" };
            if (!later.TryGetValue((programme, day.Year, day.Month), out var list))
            {
                var published = new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(2);
                list = later[(programme, day.Year, day.Month)] = new RecipientList(programme, KutaiTimur, published, programme == "MODAL-USAHA" ? "diskop.kutim" : "disnakertrans.kutim");
                lists.Add(list);
            }

            if (programme == "MODAL-USAHA")
            {
                list.Family(h, day, null, 5_000_000, "Modal usaha");
            }
            else
            {
                list.Person(head, day, day.AddDays(29), programme == "PELATIHAN" ? 2_500_000 : 2_400_000, programme == "PELATIHAN" ? "Pelatihan kerja BLK" : "Padat karya desa");
            }
        }
    }

    /// <summary>One agency list: its programme, region, the day it was sent and its CSV rows.</summary>
    private sealed class RecipientList(string programme, Domain.Regions.RegionCode region, DateOnly published, string officer)
    {
        public string Programme { get; } = programme;

        public Domain.Regions.RegionCode Region { get; } = region;

        public DateOnly Published { get; } = published;

        public string Officer { get; } = officer;

        public List<string> Rows { get; } = [];

        public void Family(Household h, DateOnly date, DateOnly? end, long amount, string note) =>
            Rows.Add(Row(h.NoKk.Value, "", date, end, amount, note));

        public void Person(Person p, DateOnly date, DateOnly? end, long amount, string note) =>
            Rows.Add(Row("", p.Nik.Value, date, end, amount, note));

        public void Unknown(string nik, DateOnly date, DateOnly? end, long amount) =>
            Rows.Add(Row("", nik, date, end, amount, "BPNT Kutai Timur"));

        private static string Row(string noKk, string nik, DateOnly date, DateOnly? end, long amount, string note) =>
            string.Join(',', noKk, nik, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), end?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", amount.ToString(CultureInfo.InvariantCulture), note);
    }
}
