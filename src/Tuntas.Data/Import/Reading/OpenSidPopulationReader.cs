using DocumentFormat.OpenXml.Packaging;
using Tuntas.Data.Spreadsheets;
using Tuntas.Domain.Import;

namespace Tuntas.Data.Import.Reading;

/// <summary>
/// OpenSID's population workbook (<c>FormatImporExcel.xlsm</c> and OpenSID's own export): every sheet
/// but <c>Kode Data</c> holds people, under a first row of OpenSID's machine column names in any
/// order; a sheet's data ends at <c>###</c> in column B or at its last row. Each person is read as a
/// row of the household list (docs/import-format.md): the desa given on import as
/// <c>kode_wilayah</c>, the coded columns as the register's words, and OpenSID's
/// <c>status_dasar</c> refusing a person who is no longer living in the family. The rows keep
/// numbering on from one sheet to the next; the errors file names each row's sheet and its row there.
/// </summary>
internal sealed class OpenSidPopulationReader : ImportFileReader
{
    /// <summary>The 43 columns of OpenSID's template, in its order.</summary>
    public static readonly IReadOnlyList<string> TemplateColumns =
    [
        "alamat", "dusun", "rw", "rt", "nama", "no_kk", "nik", "sex", "tempatlahir", "tanggallahir", "agama_id",
        "pendidikan_kk_id", "pendidikan_sedang_id", "pekerjaan_id", "status_kawin", "kk_level", "warganegara_id", "ayah_nik",
        "nama_ayah", "ibu_nik", "nama_ibu", "golongan_darah_id", "akta_lahir", "dokumen_pasport", "tanggal_akhir_paspor",
        "dokumen_kitas", "akta_perkawinan", "tanggalperkawinan", "akta_perceraian", "tanggalperceraian", "cacat_id",
        "cara_kb_id", "hamil", "ktp_el", "status_rekam", "alamat_sekarang", "status_dasar", "suku", "tag_id_card",
        "id_asuransi", "no_asuransi", "lat", "lng",
    ];

    /// <summary>The columns a people sheet must have; the others are optional.</summary>
    private static readonly string[] Required = ["nama", "no_kk", "nik", "sex", "tanggallahir", "kk_level"];

    public const string VillageMissing =
        "This is an OpenSID population workbook, which does not say which desa it holds: give the desa with --village CODE (for example --village 64.74.01.1001).";

    public const string VillageNotForThisFile =
        "--village is only for an OpenSID population workbook; this file is a household list, which names each family's desa in its kode_wilayah column. Leave --village out.";

    private const string CodeSheet = "Kode Data";

    // The household list's columns this reader fills, in the order of its cells.
    private static readonly ImportColumn[] Output =
    [
        ImportColumn.NoKk, ImportColumn.KodeWilayah, ImportColumn.Nik, ImportColumn.Nama, ImportColumn.JenisKelamin,
        ImportColumn.TanggalLahir, ImportColumn.Hubungan, ImportColumn.Alamat, ImportColumn.Pendidikan, ImportColumn.Pekerjaan,
        ImportColumn.Disabilitas,
    ];

    private readonly XlsxWorkbook _workbook;
    private readonly string _village;
    private readonly List<PeopleSheet> _sheets = [];
    private readonly IReadOnlyList<string> _originalColumns;

    public OpenSidPopulationReader(XlsxWorkbook workbook, string village)
        : base(ColumnSchema.Households)
    {
        _workbook = workbook;
        _village = village;
        foreach (var (name, part) in workbook.Sheets)
        {
            if (string.Equals(name.Trim(), CodeSheet, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (FirstRow(workbook, part) is not { } first)
            {
                continue;
            }

            var header = first.Cells.Select(c => c.Text?.Trim() ?? string.Empty).ToList();
            if (!IsHeader(header))
            {
                throw new ImportFileException(
                    $"Sheet '{name}' does not start with OpenSID's column names ({string.Join(", ", Required)}); in an OpenSID population workbook " +
                    $"every sheet except '{CodeSheet}' holds people. Its first row reads: {string.Join(" | ", header.Take(12))}.");
            }

            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                if (header[i].Length > 0 && !index.TryAdd(ImportColumns.Normalize(header[i]), i))
                {
                    throw new ImportFileException($"Sheet '{name}' names the column '{header[i]}' twice; keep one of them.");
                }
            }

            _sheets.Add(new PeopleSheet(name, part, first.Line, header, index));
        }

        // The errors file repeats the rows in the first sheet's column order, after their sheet and row.
        _originalColumns = _sheets[0].Header;
        SetHeaders(Output.Select(c => c.Name()).ToList());
    }

    public override string Format => $"OpenSID population workbook, sheet{(_sheets.Count > 1 ? "s" : string.Empty)} {string.Join(", ", _sheets.Select(s => $"'{s.Name}'"))}";

    public override string HeaderLine => CsvText.Line(new[] { "lembar", "baris_lembar" }.Concat(_originalColumns));

    /// <summary>Whether a workbook is in OpenSID's population layout: a sheet other than <c>Kode Data</c> starts with its column names.</summary>
    public static bool Recognises(XlsxWorkbook workbook) =>
        workbook.Sheets.Any(s => !string.Equals(s.Name.Trim(), CodeSheet, StringComparison.OrdinalIgnoreCase)
            && FirstRow(workbook, s.Part) is { } first && IsHeader(first.Cells.Select(c => c.Text ?? string.Empty)));

    private static bool IsHeader(IEnumerable<string> cells)
    {
        var names = cells.Select(ImportColumns.Normalize).ToHashSet(StringComparer.Ordinal);
        return Required.All(r => names.Contains(ImportColumns.Normalize(r)));
    }

    private static (long Line, SourceCell[] Cells)? FirstRow(XlsxWorkbook workbook, WorksheetPart part)
    {
        foreach (var row in workbook.Rows(part))
        {
            if (!IsBlank(row.Cells))
            {
                return row;
            }
        }

        return null;
    }

    public override IEnumerable<SourceRecord> ReadRecords()
    {
        long offset = 0;
        foreach (var sheet in _sheets)
        {
            var last = sheet.HeaderLine;
            foreach (var (line, cells) in _workbook.Rows(sheet.Part))
            {
                if (line <= sheet.HeaderLine)
                {
                    continue;
                }

                last = line;
                if (cells.Length > 1 && cells[1].Text?.Trim() == "###")
                {
                    break;
                }

                if (IsBlank(cells))
                {
                    continue;
                }

                yield return Translate(sheet, offset + line, line, cells);
            }

            offset += last;
        }
    }

    private SourceRecord Translate(PeopleSheet sheet, long line, long sheetLine, SourceCell[] cells)
    {
        SourceCell Cell(string name) => sheet.Index.TryGetValue(ImportColumns.Normalize(name), out var i) && i < cells.Length ? cells[i] : default;
        string? Text(string name) => CellReading.Clean(Cell(name).Text);
        static SourceCell Words(string? text) => new(text);

        var translated = new SourceCell[Output.Length];
        translated[0] = Cell("no_kk");
        translated[1] = Words(_village);
        translated[2] = Cell("nik");
        translated[3] = Cell("nama");
        translated[4] = Words(OpenSidCodes.Sex(Text("sex")));
        translated[5] = Cell("tanggallahir");
        translated[6] = Words(OpenSidCodes.Relation(Text("kk_level")));
        translated[7] = Words(Address(Text("alamat"), Text("rt"), Text("rw"), Text("dusun")));
        translated[8] = Words(OpenSidCodes.Label(OpenSidCodes.Education, Text("pendidikan_kk_id")));
        translated[9] = Words(OpenSidCodes.Label(OpenSidCodes.Occupations, Text("pekerjaan_id")));
        translated[10] = Words(OpenSidCodes.Label(OpenSidCodes.Disabilities, Text("cacat_id")));

        var original = CsvText.Line(new[] { sheet.Name, sheetLine.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Concat(_originalColumns.Select(c => Cell(c).Text)));

        (string, Domain.Common.DomainError)? refusal = null;
        var statusText = Text("status_dasar");
        switch (OpenSidCodes.Status(statusText))
        {
            case null:
                refusal = ("status_dasar", ImportErrors.StatusUnknown(statusText!));
                break;
            case { } status when status != OpenSidStatus.Hidup:
                refusal = ("status_dasar", ImportErrors.NotLiving(status.Label(), ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                break;
        }

        return new SourceRecord(line, translated, original) { Refusal = refusal };
    }

    /// <summary>The family's address: <c>alamat</c>, then RT/RW and the dusun; a lone dash (OpenSID's "none") is left out.</summary>
    private static string? Address(string? street, string? rt, string? rw, string? dusun)
    {
        static string? Part(string? text) => text is null || text.All(c => c == '-') ? null : text;
        var parts = new List<string>();
        if (Part(street) is { } s)
        {
            parts.Add(s);
        }

        var neighbourhood = string.Join("/", new[] { Part(rt) is { } t ? "RT " + t : null, Part(rw) is { } w ? "RW " + w : null }.OfType<string>());
        if (neighbourhood.Length > 0)
        {
            parts.Add(neighbourhood);
        }

        if (Part(dusun) is { } d)
        {
            parts.Add(d);
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _workbook.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed record PeopleSheet(string Name, WorksheetPart Part, long HeaderLine, IReadOnlyList<string> Header, Dictionary<string, int> Index);
}
