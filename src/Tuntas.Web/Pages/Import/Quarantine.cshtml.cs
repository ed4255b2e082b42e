using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tuntas.Data;
using Tuntas.Data.Import;
using Tuntas.Data.Spreadsheets;
using Tuntas.Web.Access;

namespace Tuntas.Web.Pages.Import;

/// <summary>
/// The quarantine: rejected rows of the user's region (and of the user's own uploads) that are
/// still waiting for correction, per import, with a download to fix them in a spreadsheet and
/// import again. A corrected person leaves the list by itself.
/// </summary>
public sealed class QuarantineModel(TuntasDbContext db) : PageModel
{
    public const int Shown = 200;

    public Caller Caller { get; private set; } = null!;

    public IReadOnlyList<(ImportBatch Batch, IReadOnlyList<ImportRejectedRow> Rows, int Total)> Batches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        if (!IndexModel.MayImport(Caller.Role))
        {
            return NotFound();
        }

        var rows = await Visible().OrderByDescending(r => r.BatchId).ThenBy(r => r.Line).Take(Shown).ToListAsync(ct);
        var totals = await Visible().GroupBy(r => r.BatchId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var ids = rows.Select(r => r.BatchId).Distinct().ToList();
        var batches = await db.ImportBatches.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        Batches = rows.GroupBy(r => r.BatchId)
            .Select(g => (batches[g.Key], (IReadOnlyList<ImportRejectedRow>)g.ToList(), totals[g.Key]))
            .ToList();
        return Page();
    }

    /// <summary>The waiting rows of one import as CSV: reason columns first, then the row as it came.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(long batch, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        var found = IndexModel.MayImport(Caller.Role) ? await db.ImportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batch, ct) : null;
        if (found is null)
        {
            return NotFound();
        }

        var rows = await Visible().Where(r => r.BatchId == batch).OrderBy(r => r.Line).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return NotFound();
        }

        var delimiter = found.Headers.Count(c => c == ';') > found.Headers.Count(c => c == ',') ? ";" : ",";
        var text = new StringBuilder();
        text.Append(string.Join(delimiter, "baris", "kolom", "alasan")).Append(delimiter).Append(found.Headers).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(delimiter, row.Line.ToString(CultureInfo.InvariantCulture), CsvText.Field(row.Column), CsvText.Field(row.Reason)))
                .Append(delimiter).Append(row.Original).Append("\r\n");
        }

        return File(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), "text/csv; charset=utf-8", $"karantina-{batch}.csv");
    }

    private IQueryable<ImportRejectedRow> Visible()
    {
        var rows = db.ImportRejectedRows.AsNoTracking().Where(r => r.ResolvedAt == null);
        if (Caller.Scope.Region is not { } scope)
        {
            return rows;
        }

        var code = scope.Value;
        var prefix = code + ".";
        var name = Caller.UserName;
        return rows.Where(r =>
            (r.VillageCode != null && (r.VillageCode == code || r.VillageCode.StartsWith(prefix)))
            || db.ImportBatches.Any(b => b.Id == r.BatchId && b.UserName == name));
    }
}
