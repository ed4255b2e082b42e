using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Registry;
using Tuntas.Data.Reports;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Web.Common;
using Tuntas.Web.Interventions;

namespace Tuntas.Web.Pages.Reports;

/// <summary>
/// Laporan ke Provinsi: a kabupaten/kota downloads its report package; the province uploads the
/// packages it receives and sees the consolidation by kabupaten/kota.
/// </summary>
[RequestSizeLimit(MaxPackageBytes + (1024 * 1024))]
public sealed class IndexModel(RegisterQueries register, ReportPackages packages, ImportReportPackage importPackage, ProvinceConsolidation consolidation, IStringLocalizer<SharedResource> localizer, RegionClock clock) : RegionPageModel(register, clock)
{
    public const long MaxPackageBytes = 20 * 1024 * 1024;

    public ProvinceReport? Province { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Packages are made by Dinas Sosial and Bappeda of a kabupaten/kota (and administrators).</summary>
    public static bool MayExport(Role role) => role is Role.Verifier or Role.Analyst or Role.Admin;

    /// <summary>The province's Bappeda (and administrators) load packages and consolidate.</summary>
    public static bool MayConsolidate(Role role) => role is Role.Province or Role.Admin;

    public static bool MayOpen(Role role) => MayExport(role) || MayConsolidate(role);

    public bool IsProvince => Region?.Code.Level == RegionLevel.Province;

    public bool IsRegency => Region?.Code.Level == RegionLevel.Regency;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(c => MayOpen(c.Role), ct))
        {
            return NotFoundPage();
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The package of a kabupaten/kota as JSON (for the province) or XLSX (for people).</summary>
    public async Task<IActionResult> OnGetPackageAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(c => MayExport(c.Role), ct) || !IsRegency)
        {
            return NotFoundPage();
        }

        var folder = Path.Combine(Path.GetTempPath(), $"tuntas-report-{Guid.NewGuid():N}");
        try
        {
            var exported = (await packages.ExportAsync(Region!.Code, At, folder, ct))!;
            var xlsx = WantsXlsx;
            var path = xlsx ? exported.XlsxPath : exported.JsonPath;
            return File(await System.IO.File.ReadAllBytesAsync(path, ct), xlsx ? SpreadsheetResult.ContentType : "application/json", Path.GetFileName(path));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? package, CancellationToken ct)
    {
        if (!await ResolveAsync(c => MayConsolidate(c.Role), ct))
        {
            return NotFoundPage();
        }

        if (package is null || package.Length == 0)
        {
            Error = T("ReportChooseFile");
        }
        else if (package.Length > MaxPackageBytes)
        {
            Error = T("ReportTooLarge");
        }
        else
        {
            var path = Path.Combine(Path.GetTempPath(), $"tuntas-package-{Guid.NewGuid():N}.json");
            try
            {
                await using (var file = System.IO.File.Create(path))
                {
                    await package.CopyToAsync(file, ct);
                }

                var imported = await importPackage.ImportAsync(path, Caller.UserName, Caller.Scope, ct);
                if (imported.Value is not { } result)
                {
                    Error = imported.Error!.Words(localizer);
                }
                else
                {
                    Message = result.AlreadyImported
                        ? string.Format(System.Globalization.CultureInfo.CurrentCulture, T("ReportAlreadyImported"), result.RegionName, Tuntas.Web.Localization.Formats.Date(result.At))
                        : string.Format(System.Globalization.CultureInfo.CurrentCulture, T("ReportImported"), result.RegionName, Tuntas.Web.Localization.Formats.Date(result.At), result.ExtremePoorHouseholds);
                }
            }
            catch (ReportTamperedException)
            {
                Error = T("ReportTampered");
            }
            catch (ReportPackageException e)
            {
                Error = T("ReportUnreadable") + " " + e.Message;
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (IsProvince && MayConsolidate(Caller.Role))
        {
            Province = await consolidation.ComputeAsync(Region!.Code, At, ct);
        }
    }

    private string T(string key) => localizer[key];
}
