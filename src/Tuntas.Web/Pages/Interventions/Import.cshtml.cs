using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Common;
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
        WriteResult<RecipientImportSummary> result;
        try
        {
            result = await importing.RunAsync(new RecipientImportOptions(path, Programme, UploadStore.ErrorsPathOf(path), Caller.Scope, Caller.UserName), ct);
        }
        finally
        {
            // The list is imported at once: the uploaded file is no longer needed; its rejected rows stay until the retention period ends.
            UploadStore.DeleteUpload(path);
        }

        Summary = result.Value;
        HttpContext.PersonalData().Describe(Programme + " " + FileName);
        Error = result.Error?.Words(text);
        if (result.Error is WriteError.RuleBroken { Rule.Error.Code: var code } && code.StartsWith("ImportLimit.", StringComparison.Ordinal))
        {
            // Over the reader's limits: refused whole, nothing written (contracts §8).
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public IActionResult OnGetErrors(string? upload)
    {
        Caller = HttpContext.GetCaller();
        var errors = InterventionAccess.MayImport(Caller.Role) ? uploads.FindErrors(Caller.UserId, upload) : null;
        if (errors is null)
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
