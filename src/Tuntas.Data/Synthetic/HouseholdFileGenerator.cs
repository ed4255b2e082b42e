using System.Globalization;
using System.Text;
using Bogus;
using Tuntas.Data.Regions;
using Tuntas.Data.Spreadsheets;
using Tuntas.Domain.Import;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Person = Tuntas.Domain.Registry.Person;

namespace Tuntas.Data.Synthetic;

/// <summary>The faults <c>--messy</c> puts into a file, one at most per family.</summary>
public enum InjectedFault
{
    ExcelScientificNik,
    ShortNik,
    NoHead,
    TwoHeads,
    NikOfAnotherFamily,
    ImpossibleDate,
    FutureDate,
    UnknownVillage,
    EmptyName,
    UnknownSex,
    ExcelScientificNoKk,
    NikDateMismatch,
}

/// <summary>What a generated file holds, and what an import of it into an empty register must report.</summary>
public sealed record GeneratedFile(
    string Path, int Households, long Rows, long ExpectedAccepted, long ExpectedRejected, long ExpectedWarnings,
    long BlankLines, IReadOnlyDictionary<InjectedFault, int> Faults);

/// <summary>
/// Writes a synthetic household import file for the villages under a region: made-up families
/// (see <see cref="SampleHouseholds"/>) and, at rate <c>messy</c>, the faults contracts §3 names.
/// The same seed gives the same bytes.
/// </summary>
public static class HouseholdFileGenerator
{
    /// <summary>Ages and dates are counted from this fixed day, so that a file does not change with the calendar.</summary>
    public static readonly DateOnly ReferenceDate = new(2025, 6, 30);

    private static readonly ImportColumn[] Columns = Enum.GetValues<ImportColumn>();

    public static GeneratedFile Generate(string path, int households, int seed, RegionCode region, double messy, Action<int>? progress = null)
    {
        var villages = RegionCatalog.ReadAll()
            .Where(r => r.Code.Level == RegionLevel.Village && region.Contains(r.Code))
            .Select(r => r.Code)
            .Order()
            .ToList();
        if (villages.Count == 0)
        {
            throw new ArgumentException($"Region {region.Value} has no desa/kelurahan in the Kemendagri list.");
        }

        var sample = new SampleHouseholds(seed, ReferenceDate);
        var random = new Randomizer(seed ^ 0x5EED);
        var faultsSeen = Enum.GetValues<InjectedFault>().ToDictionary(f => f, _ => 0);
        var now = new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc);
        long rows = 0, rejected = 0, warnings = 0, blank = 0;
        string? lastCleanNik = null;

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(string.Join(",", Columns.Select(c => c.Name())));
        for (var i = 0; i < households; i++)
        {
            var village = villages[random.Number(villages.Count - 1)];
            var family = sample.Create([village], 1, now).Single();
            var lines = family.Members.Select(m => Row(family, m)).ToList();
            var headIndex = family.Members.ToList().FindIndex(m => m.Relation == FamilyRelation.KepalaKeluarga);

            InjectedFault? fault = messy > 0 && random.Double() < messy ? random.Enum<InjectedFault>() : null;
            if (fault is InjectedFault.TwoHeads or InjectedFault.NikOfAnotherFamily && lines.Count < 2)
            {
                fault = InjectedFault.EmptyName;
            }

            if (fault is InjectedFault.NikOfAnotherFamily && lastCleanNik is null)
            {
                fault = InjectedFault.ShortNik;
            }

            var other = lines.Count > 1 ? 1 + random.Number(lines.Count - 2) : 0;
            var rejectedHere = 0;
            var warningsHere = 0;
            switch (fault)
            {
                case InjectedFault.ExcelScientificNik:
                    lines[other][(int)ImportColumn.Nik] = ScientificNotation(lines[other][(int)ImportColumn.Nik]!);
                    rejectedHere = other == headIndex ? lines.Count : 1;
                    break;
                case InjectedFault.ShortNik:
                    lines[other][(int)ImportColumn.Nik] = lines[other][(int)ImportColumn.Nik]![..15];
                    rejectedHere = other == headIndex ? lines.Count : 1;
                    break;
                case InjectedFault.NoHead:
                    lines[headIndex][(int)ImportColumn.Hubungan] = "Famili Lain";
                    rejectedHere = lines.Count;
                    break;
                case InjectedFault.TwoHeads:
                    lines[other == headIndex ? (headIndex + 1) % lines.Count : other][(int)ImportColumn.Hubungan] = "Kepala Keluarga";
                    rejectedHere = lines.Count;
                    break;
                case InjectedFault.NikOfAnotherFamily:
                    var target = other == headIndex ? (headIndex + 1) % lines.Count : other;
                    lines[target][(int)ImportColumn.Nik] = lastCleanNik;
                    rejectedHere = 1;
                    break;
                case InjectedFault.ImpossibleDate:
                    lines[other][(int)ImportColumn.TanggalLahir] = "1987-02-30";
                    rejectedHere = other == headIndex ? lines.Count : 1;
                    break;
                case InjectedFault.FutureDate:
                    lines[other][(int)ImportColumn.TanggalLahir] = "2099-01-01";
                    rejectedHere = other == headIndex ? lines.Count : 1;
                    break;
                case InjectedFault.UnknownVillage:
                    lines[other][(int)ImportColumn.KodeWilayah] = village.Value[..^4] + "9999";
                    rejectedHere = other == headIndex ? lines.Count : 1;
                    break;
                case InjectedFault.EmptyName:
                    lines[other][(int)ImportColumn.Nama] = " ";
                    rejectedHere = other == headIndex ? lines.Count : 1;
                    break;
                case InjectedFault.UnknownSex:
                    lines[other][(int)ImportColumn.JenisKelamin] = "X";
                    rejectedHere = other == headIndex ? lines.Count : 1;
                    break;
                case InjectedFault.ExcelScientificNoKk:
                    // Every row carries the No. KK; the damage usually hits the whole column.
                    foreach (var line in lines)
                    {
                        line[(int)ImportColumn.NoKk] = ScientificNotation(line[(int)ImportColumn.NoKk]!);
                    }

                    rejectedHere = lines.Count;
                    break;
                case InjectedFault.NikDateMismatch:
                    var birth = DateOnly.ParseExact(lines[other][(int)ImportColumn.TanggalLahir]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    lines[other][(int)ImportColumn.TanggalLahir] = birth.AddDays(birth.Day == 1 ? 1 : -1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    warningsHere = 1;
                    break;
            }

            if (fault is { } f)
            {
                faultsSeen[f]++;
            }
            else
            {
                lastCleanNik = lines[headIndex][(int)ImportColumn.Nik];
                Cosmetics(lines, random);
            }

            foreach (var line in lines)
            {
                writer.WriteLine(CsvText.Line(line));
            }

            if (messy > 0 && random.Double() < messy / 10)
            {
                writer.WriteLine();
                blank++;
            }

            rows += lines.Count;
            rejected += rejectedHere;
            warnings += warningsHere;
            if (progress is not null && (i + 1) % 10_000 == 0)
            {
                progress(i + 1);
            }
        }

        return new GeneratedFile(path, households, rows, rows - rejected, rejected, warnings, blank, faultsSeen);
    }

    private static string?[] Row(Household family, Person member)
    {
        var isHead = member.Relation == FamilyRelation.KepalaKeluarga;
        var row = new string?[Columns.Length];
        row[(int)ImportColumn.NoKk] = family.NoKk.Value;
        row[(int)ImportColumn.KodeWilayah] = family.VillageCode.Value;
        row[(int)ImportColumn.Nik] = member.Nik.Value;
        row[(int)ImportColumn.Nama] = member.Name;
        row[(int)ImportColumn.JenisKelamin] = member.Sex.ToCode();
        row[(int)ImportColumn.TanggalLahir] = member.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        row[(int)ImportColumn.Hubungan] = member.Relation.ToLabel();
        row[(int)ImportColumn.Alamat] = isHead ? family.Address : null;
        row[(int)ImportColumn.PengeluaranKapita] = isHead ? family.SpendingPerCapita?.ToString(CultureInfo.InvariantCulture) : null;
        row[(int)ImportColumn.Desil] = isHead ? family.Desil?.ToString(CultureInfo.InvariantCulture) : null;
        row[(int)ImportColumn.Pendidikan] = member.Education;
        row[(int)ImportColumn.Pekerjaan] = member.Occupation;
        row[(int)ImportColumn.Disabilitas] = null;
        row[(int)ImportColumn.JaminanKesehatan] = member.HealthInsurance;
        return row;
    }

    /// <summary>Harmless variations real files have and the import must accept: they change no count.</summary>
    private static void Cosmetics(List<string?[]> lines, Randomizer random)
    {
        foreach (var line in lines)
        {
            switch (random.Number(9))
            {
                case 0:
                    line[(int)ImportColumn.Nik] = "'" + line[(int)ImportColumn.Nik];
                    break;
                case 1:
                    var nik = line[(int)ImportColumn.Nik]!;
                    line[(int)ImportColumn.Nik] = $"{nik[..4]} {nik[4..8]} {nik[8..12]} {nik[12..]}";
                    break;
                case 2:
                    line[(int)ImportColumn.JenisKelamin] = line[(int)ImportColumn.JenisKelamin] == "L" ? "laki-laki" : "Perempuan";
                    break;
                case 3:
                    var date = DateOnly.ParseExact(line[(int)ImportColumn.TanggalLahir]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    line[(int)ImportColumn.TanggalLahir] = date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
                    break;
                case 4:
                    line[(int)ImportColumn.KodeWilayah] = line[(int)ImportColumn.KodeWilayah]!.Replace(".", string.Empty, StringComparison.Ordinal);
                    break;
                case 5:
                    line[(int)ImportColumn.Hubungan] = line[(int)ImportColumn.Hubungan]!.ToUpperInvariant();
                    break;
            }
        }
    }

    private static string ScientificNotation(string digits)
    {
        var clean = new string(digits.Where(char.IsAsciiDigit).ToArray());
        return $"{clean[0]}.{clean[1..6]}E+{clean.Length - 1}";
    }
}
