using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Import.Reading;
using Tuntas.Data.Spreadsheets;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Monitoring;

/// <summary>What <c>tuntas population import</c> did. <c>Rows == Accepted + Rejected</c>.</summary>
public sealed record PopulationImportSummary(string File, int Rows, int Accepted, int Rejected, int Inserted, int Updated, int Unchanged, string? ErrorsFile);

/// <summary>
/// Loads the population of regions by year (<c>kode_wilayah,tahun,jiwa</c>), the denominators of the
/// extreme-poverty rate. A bad row goes to the errors file with its reason and the valid rows are
/// kept; loading a region and year again replaces its figure. Runs in the unit of work of
/// <see cref="ImportPopulation"/>.
/// </summary>
public sealed class PopulationImporter(TuntasDbContext db, TimeProvider time)
{
    public const int FirstYear = 1961;
    public const int LastYear = 2100;

    private enum Column
    {
        Region,
        Year,
        People,
    }

    private static readonly ColumnSchema Schema = new(
        "population table",
        header => Normalise(header) switch
        {
            "kodewilayah" or "kode" or "wilayah" => (int)Column.Region,
            "tahun" or "year" => (int)Column.Year,
            "jiwa" or "penduduk" or "jumlahpenduduk" or "population" => (int)Column.People,
            _ => null,
        },
        c => ((Column)c) switch
        {
            Column.Region => "kode_wilayah",
            Column.Year => "tahun",
            _ => "jiwa",
        },
        [[(int)Column.Region], [(int)Column.Year], [(int)Column.People]]);

    public static string DefaultErrorsPath(string path) => path + ".errors.csv";

    /// <summary>Reads and loads the file; an <see cref="ImportFileException"/> when it cannot be read at all.</summary>
    public async Task<PopulationImportSummary> RunAsync(string path, string? errorsPath = null, string source = "BPS", CancellationToken ct = default)
    {
        errorsPath ??= DefaultErrorsPath(path);
        using var reader = ImportFileReader.Open(path, Schema);
        var now = time.GetUtcNow().UtcDateTime;
        var rows = new List<(long Line, string Original, RegionCode? Region, int Year, long People, string? Column, string? Reason)>();
        var seen = new Dictionary<(string, int), long>();
        foreach (var record in reader.ReadRecords())
        {
            var code = reader.Cell(record, (int)Column.Region).Text?.Trim();
            var yearText = reader.Cell(record, (int)Column.Year).Text?.Trim();
            var peopleText = reader.Cell(record, (int)Column.People).Text?.Trim().Replace(".", string.Empty, StringComparison.Ordinal);
            string? column = null, reason = null;
            RegionCode? region = null;
            int year = 0;
            long people = 0;
            if (string.IsNullOrEmpty(code) || !RegionCode.TryParse(code, out var parsed))
            {
                (column, reason) = ("kode_wilayah", $"'{code}' is not a region code such as 64.08.01.");
            }
            else if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year < FirstYear || year > LastYear)
            {
                (column, reason) = ("tahun", $"'{yearText}' is not a year between {FirstYear} and {LastYear}.");
            }
            else if (!long.TryParse(peopleText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out people))
            {
                (column, reason) = ("jiwa", $"'{peopleText}' is not a whole number of people.");
            }
            else if (people < 0)
            {
                (column, reason) = ("jiwa", $"{people} is negative; a population is 0 or more.");
            }
            else if (seen.TryGetValue((parsed.Value, year), out var earlier))
            {
                (column, reason) = ("kode_wilayah", $"the same region and year as line {earlier}.");
            }
            else
            {
                region = parsed;
                seen[(parsed.Value, year)] = record.Line;
            }

            rows.Add((record.Line, record.Original, region, year, people, column, reason));
        }

        // Codes that are well formed but not in the Kemendagri list are rejected too.
        var codes = rows.Where(r => r.Region is not null).Select(r => r.Region!).Distinct().ToList();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(500))
        {
            var found = await db.Regions.AsNoTracking().Where(r => chunk.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct);
            known.UnionWith(found.Select(c => c.Value));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Region is { } region && !known.Contains(region.Value))
            {
                rows[i] = rows[i] with { Region = null, Column = "kode_wilayah", Reason = $"region {region.Value} is not in the Kemendagri list." };
            }
        }

        var valid = rows.Where(r => r.Region is not null).ToList();
        var existing = new Dictionary<(string, int), PopulationCount>();
        foreach (var chunk in valid.Select(r => r.Region!).Distinct().Chunk(500))
        {
            var loaded = await db.Population.Where(p => chunk.Contains(p.Region)).ToListAsync(ct);
            foreach (var p in loaded)
            {
                existing[(p.Region.Value, p.Year)] = p;
            }
        }

        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var row in valid)
        {
            if (existing.TryGetValue((row.Region!.Value, row.Year), out var count))
            {
                if (count.Update(row.People, source, now))
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }
            else
            {
                db.Population.Add(new PopulationCount(row.Region, row.Year, row.People, source, now));
                inserted++;
            }
        }

        await db.SaveChangesAsync(ct);

        var rejected = rows.Where(r => r.Region is null).ToList();
        string? errorsFile = null;
        if (rejected.Count > 0)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(errorsPath));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            await using var file = new StreamWriter(errorsPath, append: false, new UTF8Encoding(true)) { NewLine = "\r\n" };
            var d = reader.Delimiter.ToString();
            await file.WriteLineAsync(string.Join(d, "baris", "kolom", "alasan") + d + CsvText.GuardLine(reader.HeaderLine, reader.Delimiter));
            foreach (var row in rejected)
            {
                await file.WriteLineAsync(CsvText.Row([row.Line, row.Column, row.Reason], reader.Delimiter) + d + CsvText.GuardLine(row.Original, reader.Delimiter));
            }

            errorsFile = errorsPath;
        }

        return new PopulationImportSummary(path, rows.Count, valid.Count, rejected.Count, inserted, updated, unchanged, errorsFile);
    }

    private static string Normalise(string header) =>
        new(header.Trim().ToLowerInvariant().Where(c => c is not (' ' or '_')).ToArray());
}
