using Tuntas.Domain.Import;

namespace Tuntas.Domain.Interventions;

/// <summary>The columns of an agency's recipient list (docs/import-format.md).</summary>
public enum RecipientColumn
{
    Nik,
    NoKk,
    Tanggal,
    TanggalAkhir,
    Nilai,
    Keterangan,
}

/// <summary>
/// Column names of a recipient list and the aliases agencies' own exports use (SP2D lists, bank
/// disbursement sheets, BPJS extracts). Matched like the household list: any case, ignoring
/// spaces, <c>_</c>, <c>-</c> and <c>.</c>.
/// </summary>
public static class RecipientColumns
{
    /// <summary>A recipient list needs <c>nik</c> or <c>no_kk</c>, and <c>tanggal</c>.</summary>
    public static readonly IReadOnlyList<RecipientColumn[]> Required =
    [
        [RecipientColumn.Nik, RecipientColumn.NoKk],
        [RecipientColumn.Tanggal],
    ];

    public static string Name(this RecipientColumn column) => column switch
    {
        RecipientColumn.Nik => "nik",
        RecipientColumn.NoKk => "no_kk",
        RecipientColumn.Tanggal => "tanggal",
        RecipientColumn.TanggalAkhir => "tanggal_akhir",
        RecipientColumn.Nilai => "nilai",
        RecipientColumn.Keterangan => "keterangan",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    private static readonly Dictionary<string, RecipientColumn> Aliases = BuildAliases();

    private static Dictionary<string, RecipientColumn> BuildAliases()
    {
        var aliases = new Dictionary<RecipientColumn, string[]>
        {
            [RecipientColumn.Nik] = ["nik", "no_nik", "nomor_nik", "nik_penerima", "nik_kpm", "nomor_induk_kependudukan"],
            [RecipientColumn.NoKk] = ["no_kk", "nomor_kk", "nokk", "no_kartu_keluarga", "nomor_kartu_keluarga", "kk", "no_kk_kpm"],
            [RecipientColumn.Tanggal] = ["tanggal", "tgl", "tanggal_penyaluran", "tgl_penyaluran", "tanggal_salur", "tgl_salur", "tanggal_terima", "tanggal_mulai", "periode_mulai"],
            [RecipientColumn.TanggalAkhir] = ["tanggal_akhir", "tgl_akhir", "periode_akhir", "tanggal_selesai", "sampai"],
            [RecipientColumn.Nilai] = ["nilai", "nominal", "jumlah", "nilai_bantuan", "jumlah_bantuan", "besaran", "rupiah"],
            [RecipientColumn.Keterangan] = ["keterangan", "ket", "catatan", "uraian"],
        };
        var map = new Dictionary<string, RecipientColumn>(StringComparer.Ordinal);
        foreach (var (column, names) in aliases)
        {
            foreach (var name in names)
            {
                map[ImportColumns.Normalize(name)] = column;
            }
        }

        return map;
    }

    public static RecipientColumn? Match(string header) =>
        Aliases.TryGetValue(ImportColumns.Normalize(header), out var column) ? column : null;
}

/// <summary>One row of a recipient list after the row-level checks.</summary>
public sealed record RecipientRow
{
    public required long Line { get; init; }

    public string? Nik { get; init; }

    public string? NoKk { get; init; }

    public DeliveryReport? Report { get; init; }

    public RecipientColumn? RejectedColumn { get; init; }

    public string? RejectionReason { get; init; }

    public bool IsRejected => RejectionReason is not null;

    /// <summary>How the recipient is named: by NIK when the row has one, else by No. KK.</summary>
    public string? RecipientKey => Nik is not null ? Delivery.KeyForNik(Nik) : NoKk is not null ? Delivery.KeyForKk(NoKk) : null;
}

/// <summary>The row-level rules of a recipient list; matching against the register comes after.</summary>
public sealed class RecipientRowValidator(DateOnly today)
{
    public RecipientRow Validate(long line, Func<RecipientColumn, SourceCell> cell)
    {
        var errors = new List<(RecipientColumn Column, string Reason)>();
        var nik = Digits(cell(RecipientColumn.Nik), RecipientColumn.Nik, Registry.Nik.Parse, n => n.Value, errors);
        var noKk = Digits(cell(RecipientColumn.NoKk), RecipientColumn.NoKk, Registry.NomorKk.Parse, k => k.Value, errors);
        if (nik is null && noKk is null && errors.Count == 0)
        {
            errors.Add((RecipientColumn.Nik, "the row has neither a nik nor a no_kk; write the recipient's NIK, or the family's No. KK."));
        }

        var date = CellReading.Date(cell(RecipientColumn.Tanggal), "tanggal", required: true, out var dateError);
        if (dateError is not null)
        {
            errors.Add((RecipientColumn.Tanggal, dateError));
        }

        var end = CellReading.Date(cell(RecipientColumn.TanggalAkhir), "tanggal_akhir", required: false, out var endError);
        if (endError is not null)
        {
            errors.Add((RecipientColumn.TanggalAkhir, endError));
        }

        var amount = CellReading.Rupiah(cell(RecipientColumn.Nilai), "nilai", out var amountError);
        if (amountError is not null)
        {
            errors.Add((RecipientColumn.Nilai, amountError));
        }

        var note = CellReading.Clean(cell(RecipientColumn.Keterangan).Text);
        DeliveryReport? report = null;
        if (errors.Count == 0 && date is { } day)
        {
            report = new DeliveryReport { Date = day, PeriodEnd = end, Amount = amount, Note = note };
            if (Delivery.Problem(report, today) is { } problem)
            {
                var column = problem.Field switch
                {
                    DeliveryField.PeriodEnd => RecipientColumn.TanggalAkhir,
                    DeliveryField.Amount => RecipientColumn.Nilai,
                    DeliveryField.Note => RecipientColumn.Keterangan,
                    _ => RecipientColumn.Tanggal,
                };
                errors.Add((column, column.Name() + ": " + problem.English));
                report = null;
            }
        }

        return new RecipientRow
        {
            Line = line,
            Nik = nik,
            NoKk = noKk,
            Report = report,
            RejectedColumn = errors.Count > 0 ? errors[0].Column : null,
            RejectionReason = errors.Count > 0 ? string.Join(" ", errors.Select(e => e.Reason)) : null,
        };
    }

    private static string? Digits<T>(SourceCell cell, RecipientColumn column, Func<string?, Common.ParseResult<T>> parse, Func<T, string> value, List<(RecipientColumn, string)> errors)
    {
        // Either number may be left empty; the row needs one of them.
        if (string.IsNullOrWhiteSpace(cell.Text))
        {
            return null;
        }

        var digits = CellReading.Digits(cell, column == RecipientColumn.Nik ? "NIK" : "No. KK", column.Name(), parse, value, out var error);
        if (error is not null)
        {
            errors.Add((column, error));
        }

        return digits;
    }
}
