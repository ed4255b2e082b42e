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
    private readonly Dictionary<string, (string? Code, ImportColumn? Column, DomainError? Error)> _villages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _districts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FamilyRelation?> _relations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Sex?> _sexes = new(StringComparer.Ordinal);
    private const int MaxTextLength = 100;

    public ImportRow Validate(long line, Func<ImportColumn, SourceCell> cell)
    {
        var errors = new List<(ImportColumn Column, DomainError Reason)>();
        var warnings = new List<DomainError>();

        var noKk = Digits(cell(ImportColumn.NoKk), ImportColumn.NoKk, NomorKk.Parse, k => k.Value, errors);
        var village = Village(cell(ImportColumn.KodeWilayah), errors);
        Nik? parsedNik = null;
        var nik = Digits(cell(ImportColumn.Nik), ImportColumn.Nik, Nik.Parse, n => (parsedNik = n).Value, errors);

        var name = Clean(cell(ImportColumn.Nama).Text);
        if (name is null)
        {
            errors.Add((ImportColumn.Nama, ImportErrors.NameEmpty()));
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add((ImportColumn.Nama, ImportErrors.NameTooLong(name.Length, MaxNameLength)));
        }
        else if (TextRefusal(ImportColumn.Nama, name, dashesMeanNone: false) is { } refused)
        {
            errors.Add((ImportColumn.Nama, refused));
        }

        var sexText = Clean(cell(ImportColumn.JenisKelamin).Text);
        Sex? sex = null;
        if (sexText is not null && !_sexes.TryGetValue(sexText, out sex))
        {
            sex = _sexes[sexText] = SexCodes.Parse(sexText);
        }

        if (sex is null)
        {
            errors.Add((ImportColumn.JenisKelamin, sexText is null
                ? ImportErrors.SexEmpty()
                : ImportErrors.SexUnknown(sexText)));
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
                ? ImportErrors.RelationEmpty()
                : ImportErrors.RelationUnknown(relationText)));
        }

        var address = FreeText(cell, ImportColumn.Alamat, 500, errors);
        var spending = Spending(cell(ImportColumn.PengeluaranKapita), errors);
        var desil = Desil(cell(ImportColumn.Desil), errors);
        var education = FreeText(cell, ImportColumn.Pendidikan, MaxTextLength, errors);
        var occupation = FreeText(cell, ImportColumn.Pekerjaan, MaxTextLength, errors);
        var disability = FreeText(cell, ImportColumn.Disabilitas, MaxTextLength, errors);
        var insurance = FreeText(cell, ImportColumn.JaminanKesehatan, MaxTextLength, errors);

        if (parsedNik is not null)
        {
            var explained = NikExplainer.Explain(parsedNik, today, KnownDistrict);
            warnings.AddRange(explained.WarningReasons.Select(ImportErrors.NikWarning));
            warnings.AddRange(NikDisagreements(explained, birthDate, sex));
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
            Address = address,
            SpendingPerCapita = spending,
            Desil = desil,
            Education = education,
            Occupation = occupation,
            Disability = disability,
            HealthInsurance = insurance,
            RejectedColumn = errors.Count > 0 ? first.Column : null,
            Reasons = [.. errors.Select(e => e.Reason)],
            Warnings = warnings,
        };
    }

    /// <summary>
    /// Where the digits of a NIK disagree with the person's recorded birth date or sex (or hold no
    /// real birth date at all): warnings, for the import and for the household page alike.
    /// </summary>
    public static IReadOnlyList<DomainError> NikDisagreements(NikExplanation explained, DateOnly? birthDate, Sex? sex)
    {
        var warnings = new List<DomainError>();
        if (!explained.Valid)
        {
            warnings.AddRange(explained.ErrorReasons.Select(ImportErrors.NikNoBirthDate));
            return warnings;
        }

        if (birthDate is not null && explained.BirthDate != birthDate)
        {
            warnings.Add(ImportErrors.NikBirthDiffers(explained.BirthDate!.Value, birthDate.Value));
        }

        if (sex is not null && explained.Sex != sex)
        {
            warnings.Add(ImportErrors.NikSexDiffers(explained.Sex!.Value.ToCode(), sex.Value.ToCode()));
        }

        return warnings;
    }

    /// <summary>
    /// Why a text cell cannot be kept, or null: an invisible control or text-direction character, or
    /// a first character (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>) that makes a spreadsheet run the cell as
    /// a formula when the list is exported and opened again. In a free-text column a lone dash (or a
    /// run of them), the usual way of writing "none", is kept.
    /// </summary>
    public static DomainError? TextRefusal(ImportColumn column, string text, bool dashesMeanNone)
    {
        if (UnsafeText.Find(text) is { } bad)
        {
            return ImportErrors.UnsafeCharacter(column.Name(), UnsafeText.Name(bad.CodePoint), bad.Position);
        }

        if (text.Length > 0 && text[0] is ('=' or '+' or '-' or '@') && !(dashesMeanNone && text.All(c => c == '-')))
        {
            return (column == ImportColumn.Nama ? ImportErrors.NameFormula(Limit(text, 60)!, text[0].ToString()) : ImportErrors.TextFormula(column.Name(), Limit(text, 60)!, text[0].ToString()));
        }

        return null;
    }

    private static string? FreeText(Func<ImportColumn, SourceCell> cell, ImportColumn column, int max, List<(ImportColumn, DomainError)> errors)
    {
        var text = Clean(cell(column).Text);
        if (text is not null && TextRefusal(column, text, dashesMeanNone: true) is { } refused)
        {
            errors.Add((column, refused));
        }

        return Limit(text, max);
    }

    private static string? Digits<T>(SourceCell cell, ImportColumn column, Func<string?, ParseResult<T>> parse, Func<T, string> value, List<(ImportColumn, DomainError)> errors)
    {
        if (column == ImportColumn.Nik && !cell.IsNumber && Clean(cell.Text) is { } text && text.All(c => c == '0'))
        {
            // OpenSID writes 0 for a person still waiting for a NIK.
            errors.Add((column, ImportErrors.NikTemporary(text)));
            return null;
        }

        var digits = CellReading.ReadDigits(cell, column == ImportColumn.Nik ? "NIK" : "No. KK", column.Name(), parse, value, out var error);
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

    private string? Village(SourceCell cell, List<(ImportColumn, DomainError)> errors)
    {
        var key = cell.Text ?? string.Empty;
        if (!_villages.TryGetValue(key, out var answer))
        {
            var checkErrors = new List<(ImportColumn, DomainError)>();
            var code = CheckVillage(cell, checkErrors);
            answer = _villages[key] = (code, checkErrors.Count > 0 ? checkErrors[0].Item1 : null, checkErrors.Count > 0 ? checkErrors[0].Item2 : null);
        }

        if (answer.Error is not null)
        {
            errors.Add((answer.Column!.Value, answer.Error));
        }

        return answer.Code;
    }

    private string? CheckVillage(SourceCell cell, List<(ImportColumn, DomainError)> errors)
    {
        var parsed = RegionCode.Parse(cell.Text);
        if (!parsed.IsValid)
        {
            errors.Add((ImportColumn.KodeWilayah, ImportErrors.VillageCode(parsed.Reason ?? ImportErrors.WrittenOut(parsed.Error!))));
            return null;
        }

        var code = parsed.Value!;
        if (code.Level != RegionLevel.Village)
        {
            errors.Add((ImportColumn.KodeWilayah, ImportErrors.VillageLevel(code.Value, code.Level.ToIndonesian().ToLowerInvariant())));
            return null;
        }

        if (!villageExists(code))
        {
            errors.Add((ImportColumn.KodeWilayah, ImportErrors.VillageUnknown(code.Value)));
            return null;
        }

        if (!scope.Contains(code))
        {
            errors.Add((ImportColumn.KodeWilayah, ImportErrors.VillageOutsideScope(code.Value, scope.ToString())));
            return null;
        }

        return code.Value;
    }

    private DateOnly? BirthDate(SourceCell cell, List<(ImportColumn, DomainError)> errors)
    {
        var parsed = CellReading.ReadDate(cell, "tanggal_lahir", required: true, out var error);
        if (parsed is not { } date)
        {
            errors.Add((ImportColumn.TanggalLahir, error!));
            return null;
        }

        if (date > today)
        {
            errors.Add((ImportColumn.TanggalLahir, ImportErrors.BirthFuture(date)));
            return null;
        }

        if (date.Year < 1880)
        {
            errors.Add((ImportColumn.TanggalLahir, ImportErrors.BirthTooOld(date)));
            return null;
        }

        return date;
    }

    private static long? Spending(SourceCell cell, List<(ImportColumn, DomainError)> errors)
    {
        var rupiah = CellReading.ReadRupiah(cell, "pengeluaran_kapita", out var error);
        if (error is not null)
        {
            errors.Add((ImportColumn.PengeluaranKapita, error));
        }

        return rupiah;
    }

    private static int? Desil(SourceCell cell, List<(ImportColumn, DomainError)> errors)
    {
        var text = Clean(cell.Text);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var desil) || desil is < 1 or > 10)
        {
            errors.Add((ImportColumn.Desil, ImportErrors.DesilRange(text)));
            return null;
        }

        return desil;
    }

    private static string? Clean(string? text) => CellReading.Clean(text);

    private static string? Limit(string? text, int max) => CellReading.Limit(text, max);
}
