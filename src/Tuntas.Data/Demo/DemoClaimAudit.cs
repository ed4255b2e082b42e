using Tuntas.Data.ClaimAudit;
using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.Demo;

/// <summary>
/// The demo's claim audit: after the "7 KK remain" announcement, Dinas Sosial Bontang draws 30 of the
/// 175 graduations since 2023 and an independent verifier (who made and approved none of the original
/// visits) re-checks them in the field. One family is found to be still extreme poor; a visit task
/// follows so the village can correct its record. The draw is made like any other: the server draws
/// its seed and records it with the population's hash, so the demo's sample differs from one load to
/// the next and can be replayed (<c>tuntas claim-audit replay</c>).
/// </summary>
public sealed partial class DemoLoader
{
    public const string IndependentVerifier = "uji.bontang";

    private void ScheduleClaimAudit(Timeline timeline) => timeline.At(new DateOnly(2025, 4, 14), async ct =>
    {
        await db.SaveChangesAsync(ct);
        var service = new ClaimAuditService(db, verval, new Domain.Regions.RegionClock(clock));
        var sample = await service.DrawAsync(
            new DrawRequest(Bontang, HouseholdStatus.Graduated, new DateOnly(2023, 1, 1), new DateOnly(2025, 4, 9), 30, false),
            "dinsos.bontang", audit, ct);
        await db.SaveChangesAsync(ct);

        var items = sample.Items.OrderBy(i => i.NoKk, StringComparer.Ordinal).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var day = new DateOnly(2025, 4, 22).AddDays(i / 5);
            var (noKk, index) = (items[i].NoKk, i);
            timeline.At(day, async c =>
            {
                var (finding, note) = index == 11
                    ? (RecheckFinding.Wrong, "Kepala keluarga kembali tidak bekerja sejak Maret 2025; pengeluaran per kapita di bawah garis kemiskinan ekstrem. Diusulkan masuk kembali ke daftar.")
                    : (RecheckFinding.Confirmed, (string?)null);
                await service.RecordFindingAsync(sample.Id, noKk, null, finding, note, day, IndependentVerifier, audit, c);
            });
        }
    });
}
