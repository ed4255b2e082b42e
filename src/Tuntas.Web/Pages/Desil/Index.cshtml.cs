using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Common;
using Tuntas.Data.Desil;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Web.Access;
using Tuntas.Web.Common;
using Tuntas.Web.Import;

namespace Tuntas.Web.Pages.Desil;

/// <summary>
/// Dinas Sosial imports a desil ranking (the SIKS-NG workbook of DTSEN, or P3KE, DTKS, a local
/// survey) with its version date and source, sees what it did, downloads the refused rows, and
/// keeps the follow-up list of families the ranking names that the register does not hold.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = UploadStore.MaxBytes)]
public sealed class IndexModel(ImportDesil importing, DesilQueries queries, UploadStore uploads, RegionClock clock, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The rankings offered on the form; another name may be typed.</summary>
    public static readonly string[] Sources = ["DTSEN", "P3KE", "DTKS", "survei lokal"];

    public Caller Caller { get; private set; } = null!;

    public DesilImportSummary? Summary { get; private set; }

    public IReadOnlyList<DesilFollowUpItem> FollowUp { get; private set; } = [];

    public string? UploadId { get; private set; }

    public string? FileName { get; private set; }

    public string Source { get; private set; } = "DTSEN";

    public string? Version { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        FollowUp = await queries.FollowUpAsync(Caller.Scope, ct: ct);
        HttpContext.PersonalData().Describe("desil follow-up list", FollowUp.Count);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? version, string? source, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        Source = source?.Trim() ?? string.Empty;
        Version = version;
        if (!DateText.TryParse(version, out var day))
        {
            Error = text["DesilVersionMissing"];
            return await PageWithListAsync(ct);
        }

        if (file is null)
        {
            Error = text["UploadMissing"];
            return await PageWithListAsync(ct);
        }

        var (id, problem) = await uploads.SaveAsync(Caller.UserId, file, ct);
        if (id is null)
        {
            Error = text[problem!];
            return await PageWithListAsync(ct);
        }

        var path = uploads.Find(Caller.UserId, id)!;
        UploadId = id;
        FileName = Path.GetFileName(file.FileName);
        WriteResult<DesilImportSummary> result;
        try
        {
            var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? ErrorWords.English : ErrorWords.Indonesian;
            result = await importing.RunAsync(new DesilImportOptions(path, day, Source, UploadStore.ErrorsPathOf(path), Caller.Scope, Caller.UserName, Language: language), ct);
        }
        finally
        {
            // The ranking is imported at once: the upload is no longer needed; its refused rows stay until the retention period ends.
            UploadStore.DeleteUpload(path);
        }

        Summary = result.Value;
        Error = result.Error?.Words(text);
        if (result.Error is WriteError.RuleBroken { Rule.Error.Code: var code } && code.StartsWith("ImportLimit.", StringComparison.Ordinal))
        {
            // Over the reader's limits: refused whole, nothing written (contracts §8).
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return await PageWithListAsync(ct);
    }

    public IActionResult OnGetErrors(string? upload)
    {
        Caller = HttpContext.GetCaller();
        var errors = uploads.FindErrors(Caller.UserId, upload);
        return errors is null ? NotFound() : PhysicalFile(errors, "text/csv; charset=utf-8", $"desil-ditolak-{upload![..8]}.csv");
    }

    /// <summary>Today in the caller's region, the latest version date the form accepts.</summary>
    public DateOnly Today => clock.Today();

    private async Task<IActionResult> PageWithListAsync(CancellationToken ct)
    {
        FollowUp = await queries.FollowUpAsync(Caller.Scope, ct: ct);
        HttpContext.PersonalData().Describe("desil import " + (FileName ?? string.Empty), FollowUp.Count);
        return Page();
    }
}
