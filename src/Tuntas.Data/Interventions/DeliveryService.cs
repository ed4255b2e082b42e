using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.Interventions;

/// <summary>Who records a delivery: their name, region and, for an agency officer, the one programme they answer for.</summary>
public sealed record DeliveryRecorder(string Name, RegionScope Scope, string? Programme = null);

/// <summary>
/// Recording a delivery by hand (an agency officer or a facilitator), inside an audited unit of
/// work the caller opened; a broken rule throws <see cref="DomainException"/> and nothing is kept.
/// </summary>
public sealed class DeliveryService(TuntasDbContext db, TimeProvider time)
{
    public async Task<Delivery> RecordAsync(
        DeliveryRecorder recorder, long householdId, long? personId, string programmeCode, DeliveryReport report, EvidenceFile? evidence, AuditTrail audit, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = RegionClock.DayAt(now);
        var household = await db.Households.AsNoTracking().InScope(recorder.Scope).SingleOrDefaultAsync(h => h.Id == householdId, ct)
            ?? throw new DomainException("That household is not in your region.", "Keluarga itu tidak ada di wilayah Anda.");
        var code = programmeCode.Trim().ToUpperInvariant();
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code && p.Active, ct)
            ?? throw new DomainException($"There is no open programme '{programmeCode}'.", $"Tidak ada program aktif '{programmeCode}'.");
        if (recorder.Programme is { } own && !string.Equals(own, code, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException(
                $"You record deliveries of {own} only; {code} is recorded by its own agency.",
                $"Anda hanya mencatat penyaluran {own}; {code} dicatat oleh instansinya sendiri.");
        }

        string key;
        if (personId is { } pid)
        {
            var nik = await db.People.AsNoTracking().Where(p => p.Id == pid && p.HouseholdId == householdId).Select(p => (Nik?)p.Nik).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("That person is not a member of this household.", "Orang itu bukan anggota keluarga ini.");
            key = Delivery.KeyForNik(nik.Value);
        }
        else if (programme.Unit == ProgrammeUnit.Person)
        {
            throw new DomainException(
                $"{programme.Code} reaches one person: choose the member who received it.",
                $"{programme.Code} diterima perorangan: pilih anggota keluarga penerimanya.");
        }
        else
        {
            key = Delivery.KeyForKk(household.NoKk.Value);
        }

        if (await db.Deliveries.AnyAsync(d => d.ProgrammeCode == code && d.RecipientKey == key && d.Date == report.Date, ct))
        {
            throw new DomainException(
                $"{code} for this recipient on {report.Date:yyyy-MM-dd} is already recorded.",
                $"{code} untuk penerima ini pada {report.Date:yyyy-MM-dd} sudah tercatat.");
        }

        var delivery = new Delivery(code, householdId, personId, programme.OwnerAgency, report, DeliverySource.Entered, key, recorder.Name, today, now);
        if (evidence is not null)
        {
            delivery.AttachEvidence(evidence.FileName, evidence.ContentType, evidence.Sha256, evidence.StorageKey);
        }

        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        audit.Record(recorder.Name, "delivery.record", AuditSubject.Of(delivery, household.VillageCode.Value), null, new
        {
            programme = code,
            recipient = personId is null ? key : "NIK:" + Nik.Mask(key[4..]),
            date = report.Date,
            periodEnd = report.PeriodEnd,
            amount = report.Amount,
            note = delivery.Note,
            evidence = evidence?.Sha256,
        });
        return delivery;
    }
}
