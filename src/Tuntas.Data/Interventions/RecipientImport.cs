namespace Tuntas.Data.Interventions;

/// <summary>One agency recipient list that was imported: which programme, what file, who, and what it did.</summary>
public sealed class RecipientImport
{
    public long Id { get; set; }

    public required string ProgrammeCode { get; set; }

    public required string FileName { get; set; }

    public required string Format { get; set; }

    /// <summary>The header row as CSV, so that rejected rows can be exported as they came.</summary>
    public required string Headers { get; set; }

    public string? UserName { get; set; }

    /// <summary>The region of whoever imported it; null for a national import.</summary>
    public string? Region { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime FinishedAt { get; set; }

    public long Rows { get; set; }

    public long Matched { get; set; }

    public long Inserted { get; set; }

    public long Unmatched { get; set; }

    public long Rejected { get; set; }
}

/// <summary>A rejected row of a recipient list, kept for correction with its reason.</summary>
public sealed class RecipientRejectedRow
{
    public long Id { get; set; }

    public long ImportId { get; set; }

    public long Line { get; set; }

    public required string Column { get; set; }

    public required string Reason { get; set; }

    /// <summary>The row's cells as CSV, exactly as read.</summary>
    public required string Original { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A recipient an agency paid who is not in the register (of the importer's region): perhaps a poor
/// family the register is missing, perhaps a wrong number. Kept on the follow-up list until it is
/// matched by a later import or closed with a note.
/// </summary>
public sealed class UnmatchedRecipient
{
    public long Id { get; set; }

    public required string ProgrammeCode { get; set; }

    /// <summary><c>NIK:…</c> or <c>KK:…</c>, as in <see cref="Domain.Interventions.Delivery.RecipientKey"/>.</summary>
    public required string RecipientKey { get; set; }

    public DateOnly Date { get; set; }

    public DateOnly? PeriodEnd { get; set; }

    public long? Amount { get; set; }

    public string? Note { get; set; }

    /// <summary>The region of the import it came from (null for a national import): who may see it.</summary>
    public string? Region { get; set; }

    /// <summary>The kecamatan the number was first registered in (its first six digits), when known.</summary>
    public string? NumberDistrict { get; set; }

    public long ImportId { get; set; }

    public long Line { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When it was matched by a later import or closed by hand.</summary>
    public DateTime? ResolvedAt { get; set; }

    public string? Resolution { get; set; }

    /// <summary>Optimistic concurrency: raised by every change, so two people closing the same item cannot both win.</summary>
    public int Version { get; set; }

    /// <summary>Matched by a later import or closed by hand.</summary>
    public void Resolve(DateTime at, string resolution)
    {
        ResolvedAt = at;
        Resolution = resolution;
        Version++;
    }
}
