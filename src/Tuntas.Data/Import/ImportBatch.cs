namespace Tuntas.Data.Import;

/// <summary>One import run that was written to the register: who, what file, when, and what it did.</summary>
public sealed class ImportBatch
{
    public long Id { get; set; }

    public required string FileName { get; set; }

    public required string Source { get; set; }

    public required string Format { get; set; }

    /// <summary>The header row of the file as CSV, so that quarantined rows can be shown and exported as they came.</summary>
    public required string Headers { get; set; }

    public string? UserName { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime FinishedAt { get; set; }

    public long Rows { get; set; }

    public long Accepted { get; set; }

    public long Rejected { get; set; }

    public long Warnings { get; set; }

    public long HouseholdsInserted { get; set; }

    public long HouseholdsUpdated { get; set; }

    public long HouseholdsUnchanged { get; set; }

    public long MembersInserted { get; set; }

    public long MembersUpdated { get; set; }

    public long MembersUnchanged { get; set; }
}

/// <summary>
/// A rejected row kept for correction (the quarantine): the row as it came, its line, the column
/// at fault and the reason. It stays until it is corrected and imported, or dismissed.
/// </summary>
public sealed class ImportRejectedRow
{
    public long Id { get; set; }

    public long BatchId { get; set; }

    public long Line { get; set; }

    public required string Column { get; set; }

    /// <summary>
    /// Why the row was refused, stored without words (<see cref="Domain.Import.ImportReasons"/>);
    /// <see cref="ReasonText"/> gives them in a language.
    /// </summary>
    public required string Reason { get; set; }

    /// <summary>The row's cells as CSV, exactly as read.</summary>
    public required string Original { get; set; }

    public string? NoKk { get; set; }

    public string? Nik { get; set; }

    /// <summary>The desa/kelurahan of the row when it could be read, so that the quarantine respects region scope.</summary>
    public string? VillageCode { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ResolvedAt { get; set; }

    /// <summary>The reason in words of <paramref name="language"/>.</summary>
    public string ReasonText(System.Globalization.CultureInfo language) => Domain.Import.ImportReasons.Text(Reason, language);
}

/// <summary>One changed value of a household or of one of its members, with where the change came from.</summary>
public sealed class HouseholdChange
{
    public long Id { get; set; }

    public long HouseholdId { get; set; }

    /// <summary>The member whose value changed, or null for a value of the household itself.</summary>
    public string? Nik { get; set; }

    public required string Field { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    /// <summary>The source label of the import (or the screen) that made the change.</summary>
    public required string Source { get; set; }

    public long? BatchId { get; set; }

    public DateTime RecordedAt { get; set; }
}
