using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Monitoring;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.OpenSid;

/// <summary>One family of a Data Suplemen workbook: its No. KK and a short note (status and since when).</summary>
public sealed record SuplemenFamily(string NoKk, HouseholdStatus Status, DateOnly Since)
{
    /// <summary>The note OpenSID shows beside the family: the status in Bahasa Indonesia and the day it took effect.</summary>
    public string Note => (Status == HouseholdStatus.Verified ? "Terverifikasi miskin ekstrem" : "Terdata miskin ekstrem")
        + " sejak " + Since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The extreme-poor families of one desa/kelurahan at the end of a day, for OpenSID's Data Suplemen import.</summary>
public sealed record SuplemenExport(RegionCode Village, string VillageName, DateOnly At, IReadOnlyList<SuplemenFamily> Families);

/// <summary>One household of a Program Bantuan workbook: its No. KK and its head as OpenSID's participant card shows them.</summary>
public sealed record BantuanHousehold(string NoKk, string? HeadNik, string? HeadName, DateOnly? HeadBirthDate, string? Address);

/// <summary>
/// The households of one desa/kelurahan that received a programme, for OpenSID's Program Bantuan
/// import: the programme, the span of its deliveries there (null when none was recorded) and the households.
/// </summary>
public sealed record BantuanExport(
    RegionCode Village, string VillageName, string ProgrammeCode, string ProgrammeName, string? FundingSource,
    DateOnly? FirstDelivery, DateOnly? LastDelivery, IReadOnlyList<BantuanHousehold> Households);

/// <summary>Why an OpenSID export could not be made.</summary>
public enum OpenSidExportError
{
    /// <summary>The code is not a desa/kelurahan of the Kemendagri list.</summary>
    UnknownVillage,

    /// <summary>The programme code is not in the catalogue.</summary>
    UnknownProgramme,
}

/// <summary>
/// The register's answers behind the files sent back to a village's OpenSID: its extreme-poor
/// families (the same as-of rule as the headline figures) and the recipients of a programme.
/// </summary>
public sealed class OpenSidExports(TuntasDbContext db, HeadlineQuery headline)
{
    private static readonly HouseholdStatus[] ExtremePoor = [HouseholdStatus.Listed, HouseholdStatus.Verified];

    /// <summary>
    /// The families whose status at the end of <paramref name="at"/> is listed or verified extreme
    /// poor, counted in the village where they lived when that status took effect (as the figures
    /// count them), ordered by No. KK; each with the day its current status began.
    /// </summary>
    public async Task<(SuplemenExport? Export, OpenSidExportError? Error)> SuplemenAsync(RegionCode village, DateOnly at, CancellationToken ct = default)
    {
        if (await VillageNameAsync(village, ct) is not { } name)
        {
            return (null, OpenSidExportError.UnknownVillage);
        }

        var last = await HeadlineQuery.InRegion(headline.LastEventsAsOf(at), village)
            .Where(e => ExtremePoor.Contains(e.To))
            .Select(e => new { e.HouseholdId, e.To })
            .ToListAsync(ct);
        var ids = last.Select(e => e.HouseholdId).ToList();
        var history = (await db.StatusEvents.AsNoTracking()
                .Where(e => ids.Contains(e.HouseholdId) && e.EffectiveDate <= at)
                .Select(e => new { e.HouseholdId, e.Id, e.To, e.EffectiveDate })
                .ToListAsync(ct))
            .GroupBy(e => e.HouseholdId)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.EffectiveDate).ThenBy(e => e.Id).ToList());
        var numbers = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)).Select(h => new { h.Id, h.NoKk }).ToListAsync(ct);
        var noKk = numbers.ToDictionary(h => h.Id, h => h.NoKk.Value);

        var families = last.Select(e =>
            {
                // The status began with the earliest change of the unbroken run of it that ends the history
                // (a move carries the status into a new village without starting it again).
                var events = history[e.HouseholdId];
                var since = events[^1].EffectiveDate;
                for (var i = events.Count - 1; i >= 0 && events[i].To == e.To; i--)
                {
                    since = events[i].EffectiveDate;
                }

                return new SuplemenFamily(noKk[e.HouseholdId], e.To, since);
            })
            .OrderBy(f => f.NoKk, StringComparer.Ordinal)
            .ToList();
        return (new SuplemenExport(village, name, at, families), null);
    }

    /// <summary>
    /// The households living in the village that received the programme (any delivery recorded for
    /// the household or one of its members), ordered by No. KK, with the first and last day of those deliveries.
    /// </summary>
    public async Task<(BantuanExport? Export, OpenSidExportError? Error)> BantuanAsync(RegionCode village, string programmeCode, CancellationToken ct = default)
    {
        if (await VillageNameAsync(village, ct) is not { } name)
        {
            return (null, OpenSidExportError.UnknownVillage);
        }

        var code = programmeCode.Trim().ToUpperInvariant();
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, ct);
        if (programme is null)
        {
            return (null, OpenSidExportError.UnknownProgramme);
        }

        var deliveries = await db.Deliveries.AsNoTracking()
            .Where(d => d.ProgrammeCode == code && db.Households.Any(h => h.Id == d.HouseholdId && h.VillageCode == village))
            .Select(d => new { d.HouseholdId, d.Date, d.PeriodEnd })
            .ToListAsync(ct);
        var ids = deliveries.Select(d => d.HouseholdId).Distinct().ToList();
        var households = await db.Households.AsNoTracking().Include(h => h.Members)
            .Where(h => ids.Contains(h.Id))
            .ToListAsync(ct);
        var rows = households
            .Select(h =>
            {
                var head = h.Head ?? h.Members.OrderBy(m => m.Id).FirstOrDefault();
                return new BantuanHousehold(h.NoKk.Value, head?.Nik.Value, head?.Name, head?.BirthDate, h.Address);
            })
            .OrderBy(h => h.NoKk, StringComparer.Ordinal)
            .ToList();
        DateOnly? first = deliveries.Count == 0 ? null : deliveries.Min(d => d.Date);
        DateOnly? lastDay = deliveries.Count == 0 ? null : deliveries.Max(d => d.PeriodEnd ?? d.Date);
        return (new BantuanExport(village, name, programme.Code, programme.Name, FundingSource(programme), first, lastDay, rows), null);
    }

    /// <summary>
    /// OpenSID's "Asal Dana" for a programme of the catalogue, where it is known: the national
    /// programmes are paid from the state budget (<c>Pusat</c>), a regency's own programme from its
    /// budget (<c>Kab/Kota</c>), company and zakat aid are grants (<c>Lain-lain (Hibah)</c>); null
    /// for programmes funded from more than one source (padat karya, training, housing repairs).
    /// </summary>
    public static string? FundingSource(Programme programme) => programme.Code switch
    {
        "PKH" or "SEMBAKO" or "PBI-JK" or "PIP" => "Pusat",
        "CSR" or "BAZNAS" => "Lain-lain (Hibah)",
        _ when programme.IsLocal => "Kab/Kota",
        _ => null,
    };

    private async Task<string?> VillageNameAsync(RegionCode village, CancellationToken ct) =>
        village.Level != RegionLevel.Village
            ? null
            : await db.Regions.AsNoTracking().Where(r => r.Code == village).Select(r => r.Name).SingleOrDefaultAsync(ct);
}
