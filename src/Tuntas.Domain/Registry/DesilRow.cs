using Tuntas.Domain.Common;
using Tuntas.Domain.Import;

namespace Tuntas.Domain.Registry;

/// <summary>The columns of a SIKS-NG desil ranking workbook (docs/import-format.md).</summary>
public enum DesilColumn
{
    NoKk,
    Nik,
    Desil,
    Nama,
}

/// <summary>
/// Column names of the ranking and the spellings its copies carry. Matched like every import: any
/// case, ignoring spaces, <c>_</c>, <c>-</c> and <c>.</c> (so <c>No. KK</c> is <c>nokk</c>).
/// </summary>
public static class DesilColumns
{
    /// <summary>A ranking needs the No. KK and the desil; NIK and name are read when present.</summary>
    public static readonly IReadOnlyList<DesilColumn[]> Required = [[DesilColumn.NoKk], [DesilColumn.Desil]];

    public static string Name(this DesilColumn column) => column switch
    {
        DesilColumn.NoKk => "Nomor KK",
        DesilColumn.Nik => "NIK",
        DesilColumn.Desil => "Desil",
        DesilColumn.Nama => "Nama",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    private static readonly Dictionary<string, DesilColumn> Aliases = new[]
    {
        ("nomor_kk", DesilColumn.NoKk), ("no_kk", DesilColumn.NoKk), ("nomor_kartu_keluarga", DesilColumn.NoKk), ("no_kartu_keluarga", DesilColumn.NoKk),
        ("nik", DesilColumn.Nik), ("nik_kepala_keluarga", DesilColumn.Nik), ("nik_kk", DesilColumn.Nik),
        ("desil", DesilColumn.Desil), ("desil_kesejahteraan", DesilColumn.Desil), ("peringkat_desil", DesilColumn.Desil),
        ("nama", DesilColumn.Nama), ("nama_kepala_keluarga", DesilColumn.Nama), ("nama_krt", DesilColumn.Nama),
    }.ToDictionary(a => ImportColumns.Normalize(a.Item1), a => a.Item2, StringComparer.Ordinal);

    public static DesilColumn? Match(string header) =>
        Aliases.TryGetValue(ImportColumns.Normalize(header), out var column) ? column : null;
}

/// <summary>One row of a desil ranking after its own checks; matching against the register comes after.</summary>
public sealed record DesilRow(long Line, string? NoKk, string? Nik, string? Name, int? Desil, DesilColumn? RejectedColumn, DomainError? Reason)
{
    public bool IsRejected => Reason is not null;

    /// <summary>The row's own rules: a No. KK and a NIK of 16 digits written as text, a desil 1 to 10. The first broken rule is the reason.</summary>
    public static DesilRow Validate(long line, Func<DesilColumn, SourceCell> cell)
    {
        var errors = new List<(DesilColumn Column, DomainError Reason)>();
        string? noKk = null;
        var kkCell = cell(DesilColumn.NoKk);
        if (string.IsNullOrWhiteSpace(kkCell.Text) && !kkCell.IsNumber)
        {
            errors.Add((DesilColumn.NoKk, DesilErrors.NoKkEmpty()));
        }
        else
        {
            noKk = CellReading.ReadDigits(kkCell, "No. KK", DesilColumn.NoKk.Name(), NomorKk.Parse, k => k.Value, out var kkError);
            if (kkError is not null)
            {
                errors.Add((DesilColumn.NoKk, kkError));
            }
        }

        string? nik = null;
        var nikCell = cell(DesilColumn.Nik);
        if (!string.IsNullOrWhiteSpace(nikCell.Text) || nikCell.IsNumber)
        {
            nik = CellReading.ReadDigits(nikCell, "NIK", DesilColumn.Nik.Name(), Registry.Nik.Parse, n => n.Value, out var nikError);
            if (nikError is not null)
            {
                errors.Add((DesilColumn.Nik, nikError));
            }
        }

        var desil = DesilText.Read(cell(DesilColumn.Desil), out var desilError);
        if (desilError is not null)
        {
            errors.Add((DesilColumn.Desil, desilError));
        }

        var name = CellReading.Limit(CellReading.Clean(cell(DesilColumn.Nama).Text), 200);
        return errors.Count == 0
            ? new DesilRow(line, noKk, nik, name, desil, null, null)
            : new DesilRow(line, noKk, nik, name, desil, errors[0].Column, errors[0].Reason);
    }
}
