using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Interventions;
using Tuntas.Domain.Access;
using Tuntas.Domain.Interventions;
using Tuntas.Web.Access;
using Tuntas.Web.Common;
using Tuntas.Web.Import;
using Tuntas.Web.Interventions;

namespace Tuntas.Web.Pages.Interventions;

/// <summary>
/// An agency's recipient list from the browser: upload it with its programme, and see what it did:
/// rows matched and recorded, recipients the register does not hold (the follow-up list) and
/// rejected rows, downloadable for correction by the uploader only.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = UploadStore.MaxBytes)]
[RequestSizeLimit(UploadStore.MaxBytes)]
public sealed class ImportModel(InterventionQueries queries, ImportRecipientList importing, UploadStore uploads, IStringLocalizer<SharedResource> text) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public IReadOnlyList<Programme> Programmes { get; private set; } = [];

    public RecipientImportSummary? Summary { get; private set; }

    public string? UploadId { get; private set; }

    public string? FileName { get; private set; }

    public string? Programme { get; private set; }

    public string? Error { get; private set; }

    /// <summary>An agency officer tied to a programme imports that programme's lists only.</summary>
    public string? OwnProgramme => Caller.Role == Role.Agency ? Caller.Programme : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Programme = OwnProgramme;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? programme, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Programme = OwnProgramme ?? programme?.Trim();
        if (string.IsNullOrEmpty(Programme) || Programmes.All(p => p.Code != Programme))
        {
            Error = text["DeliveryProgrammeMissing"];
            return Page();
        }

        if (file is null)
        {
            Error = text["UploadMissing"];
            return Page();
        }

        var (id, problem) = await uploads.SaveAsync(Caller.UserId, file, ct);
        if (id is null)
        {
            Error = text[problem!];
            return Page();
        }

        var path = uploads.Find(Caller.UserId, id)!;
        UploadId = id;
        FileName = Path.GetFileName(file.FileName);
        var result = await importing.RunAsync(new RecipientImportOptions(path, Programme, UploadStore.ErrorsPathOf(path), Caller.Scope, Caller.UserName), ct);
        Summary = result.Value;
        Error = result.Error?.Words(text);

        return Page();
    }

    public IActionResult OnGetErrors(string? upload)
    {
        Caller = HttpContext.GetCaller();
        var stored = InterventionAccess.MayImport(Caller.Role) ? uploads.Find(Caller.UserId, upload) : null;
        var errors = stored is null ? null : UploadStore.ErrorsPathOf(stored);
        if (errors is null || !System.IO.File.Exists(errors))
        {
            return NotFound();
        }

        return PhysicalFile(errors, "text/csv; charset=utf-8", $"penerima-ditolak-{upload![..8]}.csv");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        if (!InterventionAccess.MayImport(Caller.Role))
        {
            return false;
        }

        Programmes = await queries.OpenProgrammesAsync(OwnProgramme, ct);
        return true;
    }
}
