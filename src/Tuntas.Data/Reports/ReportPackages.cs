using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Spreadsheets;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Reports;

/// <summary>The package cannot be read, or is not a Tuntas report package; nothing is written.</summary>
public sealed class ReportPackageException(string message) : Exception(message);

/// <summary>The package's content does not match its SHA-256: it was changed after it was made.</summary>
public sealed class ReportTamperedException(string message) : Exception(message);

/// <summary>Where an export wrote its files.</summary>
public sealed record ExportedReport(string JsonPath, string XlsxPath, string Sha256, ReportContent Content);

/// <summary>A package read and checked, ready to be stored (unless <paramref name="ImportedBefore"/>).</summary>
public sealed record ReportPackageFile(string FileName, RegionCode Region, string ContentJson, string Sha256, ReportContent Content, bool ImportedBefore);

/// <summary>The outcome of importing a package.</summary>
public sealed record ImportedReportResult(string Region, string RegionName, DateOnly At, string Sha256, int ExtremePoorHouseholds, bool AlreadyImported);

/// <summary>
/// Report packages: a kabupaten/kota exports its figures as a JSON file (with the SHA-256 of its
/// content) and an XLSX workbook for people; the province imports the JSON into its own database.
/// The file is <c>{"format":"tuntas-report/1","sha256":"…","content":{…}}</c>, and the hash is of
/// the content's bytes exactly as written, so any change to a figure is detected on import.
/// </summary>
public sealed class ReportPackages(TuntasDbContext db, ReportBuilder builder)
{
    public const string Format = "tuntas-report/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <c>DIR/&lt;region&gt;-&lt;date&gt;.json</c> and <c>.xlsx</c>; null when the region does not exist.</summary>
    public async Task<ExportedReport?> ExportAsync(RegionCode region, DateOnly at, string folder, CancellationToken ct = default)
    {
        var content = await builder.BuildAsync(region, at, ct);
        if (content is null)
        {
            return null;
        }

        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"{region.Value}-{at:yyyy-MM-dd}");
        var contentJson = JsonSerializer.Serialize(content, Json);
        var sha = Hash(contentJson);
        await File.WriteAllTextAsync(stem + ".json", $"{{\"format\":\"{Format}\",\"sha256\":\"{sha}\",\"content\":{contentJson}}}\n", new UTF8Encoding(false), ct);
        WriteWorkbook(stem + ".xlsx", content, sha);
        return new ExportedReport(stem + ".json", stem + ".xlsx", sha, content);
    }

    /// <summary>
    /// Reads and checks a package for <see cref="ImportReportPackage"/>: its format, its SHA-256, its
    /// region (known here and inside <paramref name="scope"/>), and whether it was imported before.
    /// Throws <see cref="ReportPackageException"/> or <see cref="ReportTamperedException"/>.
    /// </summary>
    public async Task<ReportPackageFile> ReadAsync(string path, Domain.Access.RegionScope? scope = null, CancellationToken ct = default)
    {
        if (!File.Exists(path))
        {
            throw new ReportPackageException($"The file {path} does not exist.");
        }

        string contentJson;
        string sha;
        ReportContent content;
        try
        {
            using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(path, ct));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetString() != Format)
            {
                throw new ReportPackageException($"{Path.GetFileName(path)} is not a Tuntas report package (it has no \"format\": \"{Format}\").");
            }

            if (!root.TryGetProperty("sha256", out var shaElement) || shaElement.GetString() is not { Length: 64 } written ||
                !root.TryGetProperty("content", out var contentElement) || contentElement.ValueKind != JsonValueKind.Object)
            {
                throw new ReportPackageException($"{Path.GetFileName(path)} lacks its sha256 or its content.");
            }

            contentJson = contentElement.GetRawText();
            sha = written.ToLowerInvariant();
            content = contentElement.Deserialize<ReportContent>(Json) ?? throw new ReportPackageException("The package's content is empty.");
        }
        catch (JsonException e)
        {
            throw new ReportPackageException($"{Path.GetFileName(path)} is not valid JSON ({e.Message}).");
        }

        var actual = Hash(contentJson);
        if (actual != sha)
        {
            throw new ReportTamperedException(
                $"The content of {Path.GetFileName(path)} does not match its SHA-256 (written {sha}, computed {actual}): it was changed after it was exported. Ask the kabupaten/kota for the original file.");
        }

        var parsed = RegionCode.Parse(content.Region);
        if (!parsed.IsValid || !await db.Regions.AnyAsync(r => r.Code == parsed.Value!, ct))
        {
            throw new ReportPackageException($"The package is for region '{content.Region}', which is not in this database's region list.");
        }

        if (scope is not null && !scope.Contains(parsed.Value!))
        {
            throw new ReportPackageException($"The package is for {content.RegionName} ({content.Region}), outside your region ({scope}).");
        }

        if (content.Headline.ExtremePoor.Households is null)
        {
            throw new ReportPackageException(
                $"The package of {content.RegionName} per {content.At:yyyy-MM-dd} has no data ({content.Headline.NoData?.Reason}); it would count as 0. Ask for a package made after the households were loaded.");
        }

        var before = await db.ImportedReports.AnyAsync(r => r.Sha256 == sha, ct);
        return new ReportPackageFile(Path.GetFileName(path), parsed.Value!, contentJson, sha, content, before);
    }

    /// <summary>A count for the workbook: the number, or the words for no data (never 0).</summary>
    private static object Count(int? count) => count is { } n ? (long)n : "belum ada data";

    private static string LevelWords(string level) => level switch
    {
        "regency" => "kabupaten/kota",
        "district" => "kecamatan",
        _ => "desa/kelurahan",
    };

    /// <summary>What the target row says besides its figures: missed or reached once its date has passed, and whose it is.</summary>
    public static string TargetWords(Monitoring.TargetFigure t)
    {
        var date = t.Date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID"));
        var words = !t.Passed ? $"paling banyak {t.Households} KK pada {date}"
            : t.Missed == true ? $"target terlewat: {t.HouseholdsOnDate} KK pada {date}"
            : t.HouseholdsOnDate is null ? $"belum ada data pada {date}"
            : $"target tercapai: {t.HouseholdsOnDate} KK pada {date}";
        return t.Inherited ? $"{words} (target {t.RegionName})" : words;
    }

    public static string Hash(string contentJson) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(contentJson)));

    private static void WriteWorkbook(string path, ReportContent c, string sha)
    {
        var culture = CultureInfo.InvariantCulture;
        using var xlsx = new XlsxWriter(path, "Laporan");
        xlsx.WriteRow(["Laporan ke Provinsi", c.RegionName, c.Region]);
        xlsx.WriteRow(["Per tanggal", c.At.ToString("yyyy-MM-dd", culture)]);
        xlsx.WriteRow(["Dibuat (UTC)", c.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss", culture)]);
        xlsx.WriteRow(["SHA-256 isi laporan", sha]);
        xlsx.WriteRow(["Kepala rantai jejak audit", c.AuditHead.Hash, (long)c.AuditHead.Sequence]);
        xlsx.WriteRow([]);
        var p = c.Headline.ExtremePoor;
        var x = c.Headline.Exited;
        if (c.Headline.NoData is { } none)
        {
            xlsx.WriteRow(["Data", "Belum ada data", none.Reason]);
        }

        xlsx.WriteRow(["Miskin ekstrem (KK)", Count(p.Households)]);
        xlsx.WriteRow(["Jiwa", Count(p.People)]);
        xlsx.WriteRow(["Terverifikasi", Count(p.Verified)]);
        xlsx.WriteRow(["Terdata, belum diverifikasi", Count(p.Unverified)]);
        xlsx.WriteRow(["Dalam penanganan", Count(p.InHandling)]);
        xlsx.WriteRow(["Graduasi", Count(x.Graduated)]);
        xlsx.WriteRow(["Tidak memenuhi kriteria", Count(x.Excluded)]);
        xlsx.WriteRow(["Pindah", Count(x.Moved)]);
        xlsx.WriteRow(["Meninggal", Count(x.Deceased)]);
        xlsx.WriteRow(["Digabung (duplikat)", Count(x.Merged)]);
        if (c.Headline.Completeness is { } completeness)
        {
            xlsx.WriteRow(["Data tersedia", $"{completeness.WithData} dari {completeness.Total} {LevelWords(completeness.Level)}", string.Join(", ", completeness.Missing)]);
        }

        if (c.Headline.Target is { } target)
        {
            xlsx.WriteRow(["Target", (long)target.Households, target.Date.ToString("yyyy-MM-dd", culture), TargetWords(target)]);
        }

        // The criteria and the desil ranking the figures were computed with.
        xlsx.WriteRow(c.Headline.Criteria is { } criteria
            ? ["Kriteria", $"{criteria.Year}{(criteria.Region is null ? " (nasional)" : $" ({criteria.Region})")}", criteria.Line ?? "-", (long)criteria.LinePerCapita, criteria.Source]
            : ["Kriteria", "Belum ditetapkan"]);
        xlsx.WriteRow(c.Headline.Desil is { } desil
            ? ["Desil", desil.Source, desil.Version.ToString("yyyy-MM-dd", culture)]
            : ["Desil", "Belum ada data desil"]);

        var v = c.Verification;
        xlsx.WriteRow(["Porsi terverifikasi", (double)v.VerifiedShare]);
        xlsx.WriteRow(["Keluar dengan kunjungan disetujui", (long)v.ExitsWithApprovedVisit, (long)v.Exits]);
        if (c.ClaimAudits is not { Count: > 0 } audits)
        {
            xlsx.WriteRow(["Audit klaim", "Belum diaudit"]);
        }
        else
        {
            xlsx.WriteRow(["Audit klaim (pemeriksaan ulang independen)", "Status", "Periode", "Populasi", "Sampel", "Sesuai", "Keliru", "Tidak dapat diverifikasi", "Belum diperiksa", "Perkiraan keliru: bawah", "tengah", "atas", "Benih", "SHA-256 populasi",
                "Tidak terkonfirmasi (keliru + tidak ditemukan)", "Perkiraan tidak terkonfirmasi: bawah", "tengah", "atas"]);
            foreach (var a in audits)
            {
                xlsx.WriteRow([
                    a.AuditId, a.Status, $"{a.From.ToString("yyyy-MM-dd", culture)}..{a.To.ToString("yyyy-MM-dd", culture)}", (long)a.Population, (long)a.Sample,
                    (long)a.Confirmed, (long)a.Wrong, (long)a.CouldNotVerify, (long)a.Pending,
                    a.EstimatedErrorsLow is { } low ? (long)low : "-", a.EstimatedErrorsMid is { } mid ? mid : "-", a.EstimatedErrorsHigh is { } high ? (long)high : "-",
                    a.Seed, a.PopulationHash,
                    (long)a.NotConfirmed, a.NotConfirmedLow is { } ulow ? (long)ulow : "-", a.NotConfirmedMid is { } umid ? umid : "-", a.NotConfirmedHigh is { } uhigh ? (long)uhigh : "-"]);
            }
        }

        xlsx.WriteRow([]);
        void Areas(string title, IReadOnlyList<AreaFigures> areas)
        {
            xlsx.WriteRow([title]);
            xlsx.WriteRow(["Kode", "Nama", "Miskin ekstrem (KK)", "Terverifikasi", "Terdata", "Jiwa", "Graduasi", "Tidak memenuhi kriteria", "Pindah", "Meninggal", "Digabung"]);
            foreach (var a in areas)
            {
                xlsx.WriteRow([a.Region, a.Name, (long)a.ExtremePoorHouseholds, (long)a.Verified, (long)a.Unverified, (long)a.People, (long)a.Graduated, (long)a.Excluded, (long)a.Moved, (long)a.Deceased, (long)a.Merged]);
            }

            xlsx.WriteRow([]);
        }

        Areas("Per kecamatan", c.Districts);
        Areas("Per desa/kelurahan", c.Villages);
        xlsx.WriteRow(["Penyaluran per program"]);
        xlsx.WriteRow(["Program", "Nama", "Penyaluran", "KK", "Nilai (Rp)"]);
        foreach (var d in c.Deliveries)
        {
            xlsx.WriteRow([d.Programme, d.Name, (long)d.Deliveries, (long)d.Households, d.Amount]);
        }
    }
}
