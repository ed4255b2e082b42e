using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sylvan.Data.Csv;
using Tuntas.Data.Import;
using Tuntas.Data.Import.Reading;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;
using Tuntas.Web.Access;
using Tuntas.Web.Common;
using Tuntas.Web.Import;

namespace Tuntas.Web.Pages.Import;

/// <summary>
/// Import from the browser: upload, see what the import would do (a dry run) and the first rejected
/// rows, then confirm; download the rejected rows for correction. Rows outside the user's region
/// are rejected with that reason.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = UploadStore.MaxBytes)]
public sealed class IndexModel(HouseholdImporter importer, UploadStore uploads, Tuntas.Data.Regions.RegionQueries regions, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int ShownRejections = 20;

    public const int ShownWarnings = 50;

    public Caller Caller { get; private set; } = null!;

    public ImportSummary? Summary { get; private set; }

    public IReadOnlyList<(long Line, string Column, string Reason)> Rejections { get; private set; } = [];

    public string? UploadId { get; private set; }

    public string? FileName { get; private set; }

    public string Source { get; private set; } = string.Empty;

    public string? Error { get; private set; }

    /// <summary>The desa of an OpenSID population workbook (dotted code), which the file does not name.</summary>
    public string? Village { get; private set; }

    /// <summary>The upload is an OpenSID population workbook and its desa is still to be chosen.</summary>
    public bool AskVillage { get; private set; }

    /// <summary>The desa the user may choose from (their region's); null when there are too many for a list (a province, the whole country).</summary>
    public IReadOnlyList<Tuntas.Domain.Regions.Region>? Villages { get; private set; }

    public static bool MayImport(Role role) => role is Role.Admin or Role.Verifier or Role.Operator;

    public IActionResult OnGet()
    {
        Caller = HttpContext.GetCaller();
        return MayImport(Caller.Role) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCheckAsync(IFormFile? file, string? source, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        if (!MayImport(Caller.Role))
        {
            return NotFound();
        }

        Source = CleanSource(source);
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

        FileName = Path.GetFileName(file.FileName);
        if (ImportFileReader.IsOpenSidPopulation(uploads.Find(Caller.UserId, id)!))
        {
            // OpenSID's workbook names no region: ask which desa it holds before the dry run.
            UploadId = id;
            return await AskVillageAsync(null, ct);
        }

        return await RunAsync(id, dryRun: true, ct);
    }

    /// <summary>The desa of an uploaded OpenSID population workbook is chosen: the dry run follows.</summary>
    public async Task<IActionResult> OnPostVillageAsync(string? upload, string? source, string? fileName, string? village, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        if (!MayImport(Caller.Role) || uploads.Find(Caller.UserId, upload) is null)
        {
            return NotFound();
        }

        Source = CleanSource(source);
        FileName = fileName;
        UploadId = upload;
        var code = Tuntas.Domain.Regions.RegionCode.Parse(village);
        if (!code.IsValid || code.Value!.Level != Tuntas.Domain.Regions.RegionLevel.Village)
        {
            return await AskVillageAsync(text["ImportVillageMissing"], ct);
        }

        if (!Caller.Scope.Contains(code.Value))
        {
            return await AskVillageAsync(text["ImportVillageOutside"], ct);
        }

        Village = code.Value.Value;
        return await RunAsync(upload!, dryRun: true, ct);
    }

    private async Task<IActionResult> AskVillageAsync(string? error, CancellationToken ct)
    {
        AskVillage = true;
        Error = error;
        Villages = await regions.VillagesWithinAsync(Caller.Scope.Region, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? upload, string? source, string? fileName, string? village, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        if (!MayImport(Caller.Role) || uploads.Find(Caller.UserId, upload) is null)
        {
            return NotFound();
        }

        Source = CleanSource(source);
        FileName = fileName;
        Village = string.IsNullOrWhiteSpace(village) ? null : village.Trim();
        return await RunAsync(upload!, dryRun: false, ct);
    }

    public IActionResult OnGetErrors(string? upload)
    {
        Caller = HttpContext.GetCaller();
        var errors = MayImport(Caller.Role) ? uploads.FindErrors(Caller.UserId, upload) : null;
        if (errors is null)
        {
            return NotFound();
        }

        return PhysicalFile(errors, "text/csv; charset=utf-8", $"baris-ditolak-{upload![..8]}.csv");
    }

    private async Task<IActionResult> RunAsync(string upload, bool dryRun, CancellationToken ct)
    {
        var path = uploads.Find(Caller.UserId, upload)!;
        UploadId = upload;
        try
        {
            // The reasons in the errors file (shown below and downloaded) are in the reader's language.
            var options = new ImportOptions(path, Source, dryRun, UploadStore.ErrorsPathOf(path), Caller.Scope, Caller.UserName, Language: System.Globalization.CultureInfo.CurrentUICulture, Role: Caller.Role.ToWire(), Village: Village);
            Summary = await importer.RunAsync(options, null, ct);
            HttpContext.PersonalData().Describe((dryRun ? "dry run " : "import ") + FileName);
        }
        catch (ImportLimitException e)
        {
            // Over the reader's limits: refused whole, nothing written (contracts §8).
            Error = new DomainException(e.Error).Words(text);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            UploadStore.DeleteUpload(path);
            return Page();
        }
        catch (ImportFileException e)
        {
            Error = e.Message;
            return Page();
        }
        finally
        {
            if (!dryRun)
            {
                // Confirmed: the uploaded file is no longer needed; its rejected rows stay for download until the retention period ends.
                UploadStore.DeleteUpload(path);
            }
        }

        Rejections = ReadRejections(UploadStore.ErrorsPathOf(path));
        return Page();
    }

    private static IReadOnlyList<(long, string, string)> ReadRejections(string errorsFile)
    {
        using var reader = CsvDataReader.Create(errorsFile, new CsvDataReaderOptions { HasHeaders = true });
        var rows = new List<(long, string, string)>();
        while (rows.Count < ShownRejections && reader.Read())
        {
            rows.Add((long.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private string CleanSource(string? source)
    {
        var label = (source ?? string.Empty).Trim();
        return label.Length is > 0 and <= 100 ? label : $"web:{Caller.UserName}";
    }
}
