using Microsoft.EntityFrameworkCore;
using Tuntas.Data;
using Tuntas.Domain.Registry;

namespace Tuntas.Testing;

/// <summary>
/// Simulates a status history imported from an older system, or rows written straight to the
/// database: a status change inserted as a plain row, past every rule of the domain (no visit, no
/// evidence), with the household's current status set to match. Day counts are not kept up by it;
/// rebuild them afterwards.
/// </summary>
public static class ImportedHistory
{
    public static async Task ChangeAsync(TuntasDbContext db, string noKk, HouseholdStatus from, HouseholdStatus to, DateOnly on, string actor)
    {
        var household = await db.Households.AsNoTracking().SingleAsync(h => h.NoKk == NomorKk.From(noKk));
        var (village, district, regency, province) = (household.VillageCode.Value, household.DistrictCode.Value, household.RegencyCode.Value, household.ProvinceCode.Value);
        var (fromText, toText) = (from.ToString(), to.ToString());
        var recorded = DateTime.SpecifyKind(on.ToDateTime(new TimeOnly(2, 0)), DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "HouseholdStatusEvents" ("HouseholdId", "VillageCode", "DistrictCode", "RegencyCode", "ProvinceCode", "From", "To", "EffectiveDate", "RecordedAt", "Actor", "Reason", "Source")
            VALUES ({household.Id}, {village}, {district}, {regency}, {province}, {fromText}, {toText}, {on}, {recorded}, {actor}, {"Data impor sistem lama"}, {"import"})
            """);
        await db.Database.ExecuteSqlAsync($"""UPDATE "Households" SET "Status" = {toText}, "StatusSince" = {on} WHERE "Id" = {household.Id}""");
    }
}
