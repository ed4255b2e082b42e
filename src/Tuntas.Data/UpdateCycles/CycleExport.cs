using System.Globalization;
using Tuntas.Data.Spreadsheets;
using Tuntas.Domain.Access;
using Tuntas.Domain.UpdateCycles;

namespace Tuntas.Data.UpdateCycles;

/// <summary>
/// The accepted proposals of a cycle as one workbook to upload to SIKS-NG: a title block naming the
/// kabupaten/kota, the month and the day it was made, then the header (frozen and filtered) and one
/// row per proposal; No. KK and NIK as text.
/// </summary>
public sealed class CycleExport(UpdateCycleQueries queries)
{
    public static readonly string[] Header = ["No. KK", "NIK Kepala Keluarga", "Nama Kepala Keluarga", "Kecamatan", "Desa/Kelurahan", "Jenis Usulan", "Alasan"];

    /// <summary>The row the header is written on (the title block above it).</summary>
    public const int HeaderRow = 4;

    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    /// <summary>A day as the title block writes it: <c>9 April 2025</c>.</summary>
    public static string Day(DateOnly day) => $"{day.Day.ToString(CultureInfo.InvariantCulture)} {Months[day.Month - 1]} {day.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A month: <c>Januari 2026</c>.</summary>
    public static string MonthName(DateOnly month) => $"{Months[month.Month - 1]} {month.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The file name a download is offered under.</summary>
    public static string FileName(UpdateCycle cycle) => $"usulan-siks-ng-{cycle.Regency.Value!.Replace(".", "", StringComparison.Ordinal)}-{cycle.MonthText}.xlsx";

    /// <summary>Writes the workbook to <paramref name="path"/>; returns how many proposals it holds.</summary>
    public async Task<int> WriteAsync(UpdateCycle cycle, string path, CancellationToken ct = default)
    {
        var status = await queries.StatusAsync(RegionScope.National, cycle, ct);
        var accepted = status.Proposals.Where(p => p.Proposal.State == CycleProposalState.Accepted).ToList();
        using var xlsx = new XlsxWriter(path, "Usulan", HeaderRow);
        xlsx.WriteRow(["Usulan pemutakhiran DTSEN untuk SIKS-NG"]);
        xlsx.WriteRow([$"{status.RegencyName} · bulan {MonthName(cycle.Month)} · per {Day(status.Today)}"]);
        xlsx.WriteRow([]);
        xlsx.WriteRow(Header);
        foreach (var row in accepted)
        {
            var p = row.Proposal;
            xlsx.WriteRow([p.NoKk, p.HeadNik, p.HeadName, row.DistrictName, row.VillageName, p.Kind.ToSiksNg(), p.Reason]);
        }

        return accepted.Count;
    }
}
