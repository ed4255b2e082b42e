using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Access;

/// <summary>Records and reports who viewed people's personal data (<see cref="PersonalDataView"/>).</summary>
public sealed class PersonalDataLog(TuntasDbContext db, RegionClock clock)
{
    /// <summary>The household page <c>/keluarga/{noKk}</c>.</summary>
    public const string HouseholdPage = "household.page";

    /// <summary><c>GET /api/v1/households/{noKk}</c>.</summary>
    public const string HouseholdApi = "household.api";

    /// <summary>The households behind a dashboard count, <c>/dasbor/{region}/keluarga</c>, on screen.</summary>
    public const string ListPage = "list.page";

    /// <summary>The same list exported to CSV or XLSX.</summary>
    public const string ListExport = "list.export";

    /// <summary><c>GET /api/v1/households</c>.</summary>
    public const string ListApi = "list.api";

    /// <summary>A search by name, NIK or No. KK on the household list <c>/keluarga?q=</c> (the API's searches are <see cref="ListApi"/> views with <c>q=</c> in the subject).</summary>
    public const string SearchPage = "search.page";

    /// <summary>
    /// An import (or its dry run) whose rows named NIKs or KKs registered outside the importer's
    /// region; the subject is the file, the count how many such rows.
    /// </summary>
    public const string ImportElsewhere = "import.elsewhere";

    /// <summary>Appends one view and saves it at once, on its own.</summary>
    public async Task RecordAsync(string userName, string role, string action, string subject, string? region, int? count, CancellationToken ct = default)
    {
        db.PersonalDataViews.Add(new PersonalDataView
        {
            UserName = userName,
            Role = role,
            Action = action,
            Subject = subject.Length > 128 ? subject[..128] : subject,
            Region = region,
            Count = count,
            At = clock.UtcNow,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A filter on the report; every part optional. <c>To</c> is inclusive (the whole day).</summary>
    public sealed record Filter(string? UserName = null, string? NoKk = null, DateOnly? From = null, DateOnly? To = null);

    /// <summary>The views that match, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<PersonalDataView>> ReportAsync(Filter filter, int limit, CancellationToken ct = default)
    {
        var query = db.PersonalDataViews.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            query = query.Where(v => v.UserName == filter.UserName);
        }

        if (!string.IsNullOrWhiteSpace(filter.NoKk))
        {
            query = query.Where(v => v.Subject == filter.NoKk);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(v => v.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(v => v.At < end);
        }

        return await query.OrderByDescending(v => v.At).ThenByDescending(v => v.Id).Take(limit).ToListAsync(ct);
    }
}
