using System.Globalization;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Domain.Import;

/// <summary>One cell as it came from the file: its text, and whether a spreadsheet stored it as a number.</summary>
public readonly record struct SourceCell(string? Text, bool IsNumber = false, double? Number = null);

/// <summary>
/// The row-level rules of contracts §3. The family rules (one head per KK, a NIK in one household)
/// need the whole file and the database, and are applied afterwards.
/// </summary>
public sealed class ImportRowValidator(
    DateOnly today,
    Func<RegionCode, bool> villageExists,
    Func<RegionCode, bool> districtExists,
    RegionScope scope)
{
    private const int MaxNameLength = 200;

    // Files repeat the same few villages, relations and sexes on every row: remember each answer.
    private readonly Dictionary<string, (string? Code, ImportColumn? Column, string? Error)> _villages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _districts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FamilyRelation?> _relations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Sex?> _sexes = new(StringComparer.Ordinal);
    private const int MaxTextLength = 100;

    public ImportRow Validate(long line, Func<ImportColumn, SourceCell> cell)
    {
        var errors = new List<(ImportColumn Column, string Reason)>();
        var warnings = new List<string>();

        var noKk = Digits(cell(ImportColumn.NoKk), ImportColumn.NoKk, NomorKk.Parse, k => k.Value, errors);
        var village = Village(cell(ImportColumn.KodeWilayah), errors);
        Nik? parsedNik = null;
        var nik = Digits(cell(ImportColumn.Nik), ImportColumn.Nik, Nik.Parse, n => (parsedNik = n).Value, errors);

        var name = Clean(cell(ImportColumn.Nama).Text);
        if (name is null)
        {
            errors.Add((ImportColumn.Nama, "nama is empty; every member needs a name."));
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add((ImportColumn.Nama, $"nama is {name.Length} characters long; at most {MaxNameLength} are allowed."));
        }
        else if (UnsafeText.Find(name) is { } bad)
        {
            errors.Add((ImportColumn.Nama, $"nama holds an invisible control or text-direction character ({UnsafeText.Name(bad.CodePoint)}) at position {bad.Position}; type the name again without it."));
        }

        UnsafeOtherText(cell, errors);

        var sexText = Clean(cell(ImportColumn.JenisKelamin).Text);
        Sex? sex = null;
        if (sexText is not null && !_sexes.TryGetValue(sexText, out sex))
        {
            sex = _sexes[sexText] = SexCodes.Parse(sexText);
        }

        if (sex is null)
        {
            errors.Add((ImportColumn.JenisKelamin, sexText is null
                ? "jenis_kelamin is empty; write L or P."
                : $"jenis_kelamin '{sexText}' is not L/P or Laki-laki/Perempuan."));
        }

        var birthDate = BirthDate(cell(ImportColumn.TanggalLahir), errors);

        var relationText = Clean(cell(ImportColumn.Hubungan).Text);
        FamilyRelation? relation = null;
        if (relationText is not null && !_relations.TryGetValue(relationText, out relation))
        {
            relation = _relations[relationText] = FamilyRelationNames.Parse(relationText);
        }

        if (relation is null)
        {
            errors.Add((ImportColumn.Hubungan, relationText is null
                ? "hubungan is empty; write the relation to the head, e.g. Kepala Keluarga, Istri, Anak."
                : $"hubungan '{relationText}' is not one of Kepala Keluarga, Istri, Suami, Anak, Menantu, Cucu, Orang Tua, Mertua, Famili Lain, Lainnya."));
        }

        var spending = Spending(cell(ImportColumn.PengeluaranKapita), errors);
        var desil = Desil(cell(ImportColumn.Desil), errors);

        if (parsedNik is not null)
        {
            var explained = NikExplainer.Explain(parsedNik, today, KnownDistrict);
            warnings.AddRange(explained.Warnings.Select(w => "NIK: " + w));
            if (explained.Valid)
            {
                if (birthDate is not null && explained.BirthDate != birthDate)
                {
                    warnings.Add($"NIK says born {explained.BirthDate:yyyy-MM-dd}, tanggal_lahir says {birthDate:yyyy-MM-dd}.");
                }

                if (sex is not null && explained.Sex != sex)
                {
                    warnings.Add($"NIK says jenis_kelamin {explained.Sex!.Value.ToCode()}, the row says {sex.Value.ToCode()}.");
                }
            }
            else
            {
                warnings.Add("NIK digits do not hold a real birth date: " + string.Join(" ", explained.Errors));
            }
        }

        var first = errors.Count > 0 ? errors[0] : default;
        return new ImportRow
        {
            Line = line,
            NoKk = noKk,
            Nik = nik,
            VillageCode = village,
            Name = name,
            Sex = sex,
            BirthDate = birthDate,
            Relation = relation,
            Address = Limit(Clean(cell(ImportColumn.Alamat).Text), 500),
            SpendingPerCapita = spending,
            Desil = desil,
            Education = Limit(Clean(cell(ImportColumn.Pendidikan).Text), MaxTextLength),
            Occupation = Limit(Clean(cell(ImportColumn.Pekerjaan).Text), MaxTextLength),
            Disability = Limit(Clean(cell(ImportColumn.Disabilitas).Text), MaxTextLength),
            HealthInsurance = Limit(Clean(cell(ImportColumn.JaminanKesehatan).Text), MaxTextLength),
            RejectedColumn = errors.Count > 0 ? first.Column : null,
            RejectionReason = errors.Count > 0 ? string.Join(" ", errors.Select(e => e.Reason)) : null,
            Warnings = warnings,
        };
    }

    private static string? Digits<T>(SourceCell cell, ImportColumn column, Func<string?, ParseResult<T>> parse, Func<T, string> value, List<(ImportColumn, string)> errors)
    {
        var digits = CellReading.Digits(cell, column == ImportColumn.Nik ? "NIK" : "No. KK", column.Name(), parse, value, out var error);
        if (error is not null)
        {
            errors.Add((column, error));
        }

        return digits;
    }

    private bool KnownDistrict(RegionCode district)
    {
        if (!_districts.TryGetValue(district.Digits, out var known))
        {
            known = _districts[district.Digits] = districtExists(district);
        }

        return known;
    }

    private string? Village(SourceCell cell, List<(ImportColumn, string)> errors)
    {
        var key = cell.Text ?? string.Empty;
        if (!_villages.TryGetValue(key, out var answer))
        {
            var checkErrors = new List<(ImportColumn, string)>();
            var code = CheckVillage(cell, checkErrors);
            answer = _villages[key] = (code, checkErrors.Count > 0 ? checkErrors[0].Item1 : null, checkErrors.Count > 0 ? checkErrors[0].Item2 : null);
        }

        if (answer.Error is not null)
        {
            errors.Add((answer.Column!.Value, answer.Error));
        }

        return answer.Code;
    }

    private string? CheckVillage(SourceCell cell, List<(ImportColumn, string)> errors)
    {
        var parsed = RegionCode.Parse(cell.Text);
        if (!parsed.IsValid)
        {
            errors.Add((ImportColumn.KodeWilayah, "kode_wilayah: " + parsed.Error));
            return null;
        }

        var code = parsed.Value!;
        if (code.Level != RegionLevel.Village)
        {
            errors.Add((ImportColumn.KodeWilayah, $"kode_wilayah {code.Value} is a {code.Level.ToIndonesian().ToLowerInvariant()} code; a family lives in a desa/kelurahan (10 digits, e.g. 64.74.01.1001)."));
            return null;
        }

        if (!villageExists(code))
        {
            errors.Add((ImportColumn.KodeWilayah, $"kode_wilayah {code.Value} is not a desa/kelurahan in the Kemendagri list."));
            return null;
        }

        if (!scope.Contains(code))
        {
            errors.Add((ImportColumn.KodeWilayah, $"kode_wilayah {code.Value} is outside your region ({scope}); you may import only families of your own region."));
            return null;
        }

        return code.Value;
    }

    private DateOnly? BirthDate(SourceCell cell, List<(ImportColumn, string)> errors)
    {
        var parsed = CellReading.Date(cell, "tanggal_lahir", required: true, out var error);
        if (parsed is not { } date)
        {
            errors.Add((ImportColumn.TanggalLahir, error!));
            return null;
        }

        if (date > today)
        {
            errors.Add((ImportColumn.TanggalLahir, $"tanggal_lahir {date:yyyy-MM-dd} is in the future."));
            return null;
        }

        if (date.Year < 1880)
        {
            errors.Add((ImportColumn.TanggalLahir, $"tanggal_lahir {date:yyyy-MM-dd} is too long ago to be a living person."));
            return null;
        }

        return date;
    }

    private static long? Spending(SourceCell cell, List<(ImportColumn, string)> errors)
    {
        var rupiah = CellReading.Rupiah(cell, "pengeluaran_kapita", out var error);
        if (error is not null)
        {
            errors.Add((ImportColumn.PengeluaranKapita, error));
        }

        return rupiah;
    }

    private static int? Desil(SourceCell cell, List<(ImportColumn, string)> errors)
    {
        var text = Clean(cell.Text);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var desil) || desil is < 1 or > 10)
        {
            errors.Add((ImportColumn.Desil, $"desil '{text}' must be a whole number from 1 to 10."));
            return null;
        }

        return desil;
    }

    /// <summary>The free-text columns other than nama must not hold control or text-direction characters either (<see cref="TextRules"/>).</summary>
    private static void UnsafeOtherText(Func<ImportColumn, SourceCell> cell, List<(ImportColumn, string)> errors)
    {
        foreach (var column in (ReadOnlySpan<ImportColumn>)[ImportColumn.Alamat, ImportColumn.Pendidikan, ImportColumn.Pekerjaan, ImportColumn.Disabilitas, ImportColumn.JaminanKesehatan])
        {
            // An address may span lines in its cell (Alt+Enter in a spreadsheet); the rest are one line.
            if (TextRules.Problem(cell(column).Text, multiLine: column == ImportColumn.Alamat) is { } problem)
            {
                errors.Add((column, $"{column.Name()} {problem}; type it again without it."));
            }
        }
    }

    private static string? Clean(string? text) => CellReading.Clean(text);

    private static string? Limit(string? text, int max) => CellReading.Limit(text, max);
}
