using System.Globalization;
using Tuntas.Data.Import.Reading;
using Tuntas.Data.Spreadsheets;
using Tuntas.Domain.Import;
using Tuntas.Domain.Interventions;

namespace Tuntas.Data.Interventions;

/// <summary>
/// OpenSID's Program Bantuan workbook read as a recipient list. Sheet <c>Program</c> holds label/value
/// rows (the template's 7 rows ending at <c>###</c>, or OpenSID's own export of 8 rows with a
/// <c>config_id</c> row after the id); its Sasaran says what column A of sheet <c>Peserta</c> holds:
/// 1 Penduduk a NIK, 2 Keluarga a No. KK, 3 Rumah Tangga OpenSID's own household (RTM) number, which
/// the register does not know, so the NIK of column C names the recipient; 4 Kelompok is refused.
/// Each participant becomes a row of the recipient list dated by the programme's start
/// (Rentang Waktu (Awal)) or by the date given on import. Sheet <c>Peserta</c> ends at <c>###</c> in column A.
/// </summary>
internal sealed class OpenSidProgrammeReader : ImportFileReader
{
    private static readonly RecipientColumn[] Output = [RecipientColumn.Nik, RecipientColumn.NoKk, RecipientColumn.Tanggal];

    private readonly XlsxWorkbook _workbook;
    private readonly DocumentFormat.OpenXml.Packaging.WorksheetPart _participants;
    private readonly long _headerLine;
    private readonly IReadOnlyList<string> _header;
    private readonly int _participantColumn;
    private readonly int _nikColumn;
    private readonly int _target;
    private readonly string _date;
    private readonly string _name;

    public OpenSidProgrammeReader(XlsxWorkbook workbook, DateOnly? date)
        : base(RecipientListImporter.Schema)
    {
        _workbook = workbook;
        var programme = ReadProgramme(workbook, workbook.Sheet("Program")!);
        _name = programme.Name ?? "?";
        _target = programme.Target;
        var start = date ?? programme.Start
            ?? throw new ImportFileException("The Program sheet gives no start date in its Rentang Waktu (Awal) row (YYYY-MM-DD); write it there, or give the deliveries' date with --date.");
        _date = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        _participants = workbook.Sheet("Peserta")!;
        (long Line, SourceCell[] Cells)? first = null;
        foreach (var row in workbook.Rows(_participants))
        {
            if (!IsBlank(row.Cells))
            {
                first = row;
                break;
            }
        }

        if (first is null)
        {
            throw new ImportFileException("The Peserta sheet is empty: it has no header row (Peserta | No. Peserta | NIK | Nama | Tempat Lahir | Tanggal Lahir | Alamat).");
        }

        _headerLine = first.Value.Line;
        _header = [.. first.Value.Cells.Select(c => c.Text?.Trim() ?? string.Empty)];
        var names = _header.Select(ImportColumns.Normalize).ToList();
        _participantColumn = names.IndexOf("peserta") is var p and >= 0 ? p : 0;
        _nikColumn = names.IndexOf("nik") is var n and >= 0 ? n : 2;
        SetHeaders(Output.Select(c => c.Name()).ToList());
    }

    /// <summary>Whether a workbook is OpenSID's Program Bantuan workbook: it has the sheets <c>Program</c> and <c>Peserta</c>.</summary>
    public static bool Recognises(XlsxWorkbook workbook) => workbook.Sheet("Program") is not null && workbook.Sheet("Peserta") is not null;

    public override string Format => string.Create(CultureInfo.InvariantCulture, $"OpenSID Program Bantuan workbook '{_name}', sasaran {_target}, deliveries dated {_date}");

    public override string HeaderLine => CsvText.Line(_header);

    public override IEnumerable<SourceRecord> ReadRecords()
    {
        foreach (var (line, cells) in _workbook.Rows(_participants))
        {
            if (line <= _headerLine)
            {
                continue;
            }

            if (cells.Length > 0 && cells[0].Text?.Trim() == "###")
            {
                yield break;
            }

            if (IsBlank(cells))
            {
                continue;
            }

            SourceCell At(int index) => index < cells.Length ? cells[index] : default;
            var participant = At(_participantColumn);
            var nik = At(_nikColumn);
            var translated = _target switch
            {
                // Penduduk: column A is the NIK (column C repeats it).
                1 => new[] { string.IsNullOrWhiteSpace(participant.Text) ? nik : participant, default, new SourceCell(_date) },
                // Keluarga: column A is the No. KK, and the family is the recipient.
                2 => [default, participant, new SourceCell(_date)],
                // Rumah Tangga: column A is OpenSID's own RTM number; the NIK names the recipient.
                _ => [nik, default, new SourceCell(_date)],
            };
            yield return new SourceRecord(line, translated, CsvText.Line(cells.Select(c => c.Text)));
        }
    }

    private sealed record ProgrammeSheet(string? Name, int Target, DateOnly? Start);

    /// <summary>The label/value rows of sheet Program, found by their labels (the two layouts differ by the config_id row).</summary>
    private static ProgrammeSheet ReadProgramme(XlsxWorkbook workbook, DocumentFormat.OpenXml.Packaging.WorksheetPart sheet)
    {
        var rows = new List<(string Label, SourceCell Value)>();
        foreach (var (_, cells) in workbook.Rows(sheet))
        {
            var label = cells.Length > 0 ? cells[0].Text?.Trim() ?? string.Empty : string.Empty;
            if (label == "###")
            {
                break;
            }

            if (!IsBlank(cells))
            {
                rows.Add((label, cells.Length > 1 ? cells[1] : default));
            }
        }

        SourceCell? Find(Func<string, bool> label)
        {
            foreach (var (text, value) in rows)
            {
                if (label(ImportColumns.Normalize(text)))
                {
                    return value;
                }
            }

            return null;
        }

        var target = Find(l => l.Contains("sasaran", StringComparison.Ordinal));
        var name = Find(l => l.StartsWith("nama", StringComparison.Ordinal));
        var start = Find(l => l.Contains("awal", StringComparison.Ordinal) || l.Contains("mulai", StringComparison.Ordinal));
        if (target is null)
        {
            throw new ImportFileException("The Program sheet has no Sasaran Program row; OpenSID's Program Bantuan workbook names its target there (1 Penduduk, 2 Keluarga, 3 Rumah Tangga).");
        }

        var targetText = CellReading.Clean(target.Value.Text) ?? string.Empty;
        var letters = new string(targetText.Where(char.IsLetter).ToArray()).ToUpperInvariant();
        var code = targetText switch
        {
            "1" => 1,
            "2" => 2,
            "3" => 3,
            "4" => 4,
            _ => letters switch
            {
                "PENDUDUK" or "PERORANGAN" => 1,
                "KELUARGA" or "KK" => 2,
                "RUMAHTANGGA" or "RTM" => 3,
                "KELOMPOK" => 4,
                _ => 0,
            },
        };
        if (code == 0)
        {
            throw new ImportFileException($"Sasaran Program '{targetText}' is not one of OpenSID's: 1 Penduduk, 2 Keluarga, 3 Rumah Tangga, 4 Kelompok.");
        }

        if (code == 4)
        {
            throw new ImportFileException("This programme's participants are groups (Sasaran 4 Kelompok); Tuntas records deliveries to people and families, so its list cannot be imported.");
        }

        DateOnly? day = null;
        if (start is { } startCell && CellReading.Clean(startCell.Text) is not null)
        {
            day = CellReading.ReadDate(startCell, "Rentang Waktu (Awal)", required: false, out _)
                ?? throw new ImportFileException($"The Program sheet's Rentang Waktu (Awal) '{startCell.Text}' is not a date; write it as YYYY-MM-DD, or give --date.");
        }

        return new ProgrammeSheet(CellReading.Clean(name?.Text), code, day);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _workbook.Dispose();
        }

        base.Dispose(disposing);
    }
}
