using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tuntas.Data.Import;
using Tuntas.Data.Spreadsheets;
using Tuntas.Web.Access;

namespace Tuntas.Web.Pages.Import;

/// <summary>
/// The quarantine: rejected rows of the user's region (and of the user's own uploads) that are
/// still waiting for correction, per import, with a download to fix them in a spreadsheet and
/// import again. A corrected person leaves the list by itself.
/// </summary>
public sealed class QuarantineModel(QuarantineQueries queries) : PageModel
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

        Batches = await queries.WaitingAsync(Caller.Scope, Caller.UserName, Shown, ct);
        HttpContext.PersonalData().Describe(count: Batches.Sum(b => b.Rows.Count));
        return Page();
    }

    /// <summary>The waiting rows of one import as CSV: reason columns first, then the row as it came.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(long batch, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        var found = IndexModel.MayImport(Caller.Role) ? await queries.BatchAsync(Caller.Scope, Caller.UserName, batch, ct) : null;
        if (found is not var (import, rows) || rows.Count == 0)
        {
            return NotFound();
        }

        HttpContext.PersonalData().Describe($"batch {batch}", rows.Count);
        var delimiter = import.Headers.Count(c => c == ';') > import.Headers.Count(c => c == ',') ? ';' : ',';
        var text = new StringBuilder();
        text.Append(CsvText.Row(["baris", "kolom", "alasan"], delimiter)).Append(delimiter).Append(CsvText.GuardLine(import.Headers, delimiter)).Append("\r\n");
        foreach (var row in rows)
        {
            // The row as it came, each cell guarded: a name typed as =HYPERLINK(...) opens as text.
            text.Append(CsvText.Row([row.Line, row.Column, row.ReasonText(CultureInfo.CurrentUICulture)], delimiter))
                .Append(delimiter).Append(CsvText.GuardLine(row.Original, delimiter)).Append("\r\n");
        }

        return File(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), "text/csv; charset=utf-8", $"karantina-{batch}.csv");
    }
}
