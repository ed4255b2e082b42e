namespace Tuntas.Data.Desil;

/// <summary>One desil ranking workbook that was imported: its source and version, the file, who, and what it did.</summary>
public sealed class DesilImport
{
    public long Id { get; set; }

    /// <summary>The ranking's name: <c>DTSEN</c>, <c>P3KE</c>, <c>DTKS</c>, <c>survei lokal</c>.</summary>
    public required string Source { get; set; }

    /// <summary>The date of the ranking's version.</summary>
    public DateOnly Version { get; set; }

    public required string FileName { get; set; }

    public required string Format { get; set; }

    /// <summary>The header row as CSV, so that rejected rows can be exported as they came.</summary>
    public required string Headers { get; set; }

    public string? UserName { get; set; }

    /// <summary>The region of whoever imported it; null for a national import.</summary>
    public string? Region { get; set; }

    public DateTime ImportedAt { get; set; }

    public long Rows { get; set; }

    public long Accepted { get; set; }

    public long Rejected { get; set; }

    public long Unmatched { get; set; }

    public long Updated { get; set; }

    public long Unchanged { get; set; }
}

/// <summary>A refused row of a desil ranking, kept for correction with its reason.</summary>
public sealed class DesilRejectedRow
{
    public long Id { get; set; }

    public long ImportId { get; set; }

    public long Line { get; set; }

    public required string Column { get; set; }

    /// <summary>The reason as its code and arguments (JSON), given words in the reader's language.</summary>
    public required string Reason { get; set; }

    /// <summary>The row's cells as CSV, exactly as read.</summary>
    public required string Original { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A family the ranking holds and the register (of the importer's region) does not: the follow-up
/// list of Dinas Sosial. Perhaps a family the register is missing, perhaps one that moved away.
/// </summary>
public sealed class DesilFollowUp
{
    public long Id { get; set; }

    public long ImportId { get; set; }

    public long Line { get; set; }

    public required string NoKk { get; set; }

    public string? Nik { get; set; }

    public string? Name { get; set; }

    public int Desil { get; set; }

    public required string Source { get; set; }

    public DateOnly Version { get; set; }

    /// <summary>The region of the import it came from (null for a national import): who may see it.</summary>
    public string? Region { get; set; }

    /// <summary>The kabupaten/kota the No. KK was issued in (its first four digits, dotted).</summary>
    public string? NumberRegency { get; set; }

    public DateTime CreatedAt { get; set; }
}
