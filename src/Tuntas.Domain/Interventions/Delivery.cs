using Tuntas.Domain.Common;

namespace Tuntas.Domain.Interventions;

/// <summary>How a delivery came to be recorded.</summary>
public enum DeliverySource
{
    /// <summary>Typed in by an agency officer or a facilitator.</summary>
    Entered = 1,

    /// <summary>A row of an agency's recipient list.</summary>
    Imported = 2,
}

/// <summary>What a delivery reports, before it is checked.</summary>
public sealed record DeliveryReport
{
    /// <summary>The day it reached the household, or the first day of the period it covers.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The last day of the period it covers (a month of PKH, a quarter of sembako); null for one day.</summary>
    public DateOnly? PeriodEnd { get; init; }

    /// <summary>Whole rupiah; null when the value is not known.</summary>
    public long? Amount { get; init; }

    public string? Note { get; init; }
}

/// <summary>
/// A programme reaching a household, or one person of it: PKH paid for a quarter, a sembako
/// package, a padat karya contract, a house repaired. It counts from its date for the in-handling
/// figure and the gaps, so the figures can be recomputed for any day.
/// </summary>
public sealed class Delivery
{
    /// <summary>Deliveries cannot be dated before the extreme poverty programme existed.</summary>
    public static readonly DateOnly Earliest = new(2015, 1, 1);

    public const int MaxNoteLength = 500;

    public Delivery(string programmeCode, long householdId, long? personId, string agency, DeliveryReport report, DeliverySource source, string recipientKey, string recordedBy, DateOnly today, DateTime nowUtc)
    {
        Check(report, today);
        if (string.IsNullOrWhiteSpace(agency))
        {
            throw new DomainException(InterventionErrors.DeliveryWithoutAgency());
        }

        ProgrammeCode = programmeCode;
        HouseholdId = householdId;
        PersonId = personId;
        Agency = agency.Trim();
        Date = report.Date;
        PeriodEnd = report.PeriodEnd;
        Amount = report.Amount;
        Note = string.IsNullOrWhiteSpace(report.Note) ? null : report.Note.Trim();
        Source = source;
        RecipientKey = recipientKey;
        RecordedBy = recordedBy;
        RecordedAt = nowUtc;
    }

    // For EF Core materialisation.
    private Delivery()
    {
        ProgrammeCode = Agency = RecipientKey = RecordedBy = null!;
    }

    public long Id { get; private set; }

    public string ProgrammeCode { get; private set; }

    public Programme? Programme { get; private set; }

    public long HouseholdId { get; private set; }

    /// <summary>The person it reached, for programmes that reach one person (PBI-JK, PIP, padat karya).</summary>
    public long? PersonId { get; private set; }

    public string Agency { get; private set; }

    public DateOnly Date { get; private set; }

    public DateOnly? PeriodEnd { get; private set; }

    public long? Amount { get; private set; }

    public string? Note { get; private set; }

    public DeliverySource Source { get; private set; }

    /// <summary>
    /// Who the delivery was recorded for, as the agency named them (<c>NIK:…</c> or <c>KK:…</c>): with
    /// the programme and the date it makes a delivery unique, so a list imported twice adds nothing.
    /// </summary>
    public string RecipientKey { get; private set; }

    /// <summary>The import that brought it, when it came from a recipient list.</summary>
    public long? ImportId { get; set; }

    public string? EvidenceFileName { get; private set; }

    public string? EvidenceContentType { get; private set; }

    public string? EvidenceSha256 { get; private set; }

    public string? EvidenceStorageKey { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTime RecordedAt { get; private set; }

    /// <summary>The last day the delivery covers.</summary>
    public DateOnly LastDay => PeriodEnd ?? Date;

    public static string KeyForNik(string nik) => "NIK:" + nik;

    public static string KeyForKk(string noKk) => "KK:" + noKk;

    public void AttachEvidence(string fileName, string contentType, string sha256, string? storageKey)
    {
        EvidenceFileName = fileName;
        EvidenceContentType = contentType;
        EvidenceSha256 = sha256;
        EvidenceStorageKey = storageKey;
    }

    /// <summary>
    /// A later list repeats this delivery (same programme, recipient and day) with other details:
    /// they replace the earlier ones. Returns false when nothing differs.
    /// </summary>
    public bool Correct(DeliveryReport report, string agency, DateTime nowUtc)
    {
        var note = string.IsNullOrWhiteSpace(report.Note) ? null : report.Note.Trim();
        if (report.PeriodEnd == PeriodEnd && report.Amount == Amount && note == Note)
        {
            return false;
        }

        PeriodEnd = report.PeriodEnd;
        Amount = report.Amount;
        Note = note;
        Agency = agency;
        RecordedAt = nowUtc;
        return true;
    }

    /// <summary>The rules every delivery meets, however it is recorded.</summary>
    public static void Check(DeliveryReport report, DateOnly today)
    {
        if (Problem(report, today) is { } problem)
        {
            throw new DomainException(problem.Error);
        }
    }

    /// <summary>The first rule a report breaks and the field at fault, or null when it keeps them all.</summary>
    public static DeliveryProblem? Problem(DeliveryReport report, DateOnly today)
    {
        if (report.Date > today)
        {
            return new DeliveryProblem(DeliveryField.Date, InterventionErrors.DeliveryInFuture(report.Date));
        }

        if (report.Date < Earliest)
        {
            return new DeliveryProblem(DeliveryField.Date, InterventionErrors.DeliveryTooEarly(report.Date, Earliest.Year));
        }

        if (report.PeriodEnd is { } end && end < report.Date)
        {
            return new DeliveryProblem(DeliveryField.PeriodEnd, InterventionErrors.PeriodEndsBeforeStart(end, report.Date));
        }

        if (report.PeriodEnd is { } last && last > report.Date.AddYears(1))
        {
            return new DeliveryProblem(DeliveryField.PeriodEnd, InterventionErrors.PeriodLongerThanYear());
        }

        if (report.Amount is < 0)
        {
            return new DeliveryProblem(DeliveryField.Amount, InterventionErrors.NegativeAmount());
        }

        if (report.Amount is > 1_000_000_000)
        {
            return new DeliveryProblem(DeliveryField.Amount, InterventionErrors.AmountTooLarge(report.Amount.Value));
        }

        if (report.Note is { Length: > MaxNoteLength })
        {
            return new DeliveryProblem(DeliveryField.Note, InterventionErrors.DeliveryNoteTooLong(report.Note.Length, MaxNoteLength));
        }

        return null;
    }
}

/// <summary>Which part of a delivery breaks a rule.</summary>
public enum DeliveryField
{
    Date,
    PeriodEnd,
    Amount,
    Note,
}

/// <summary>A broken delivery rule and the field at fault.</summary>
public sealed record DeliveryProblem(DeliveryField Field, DomainError Error)
{
    /// <summary>The rule's words in English (the recipient list's error file is in English).</summary>
    public string English => ErrorWords.Text(Error, ErrorWords.English);

    /// <summary>The rule's words in Bahasa Indonesia.</summary>
    public string Indonesian => ErrorWords.Text(Error, ErrorWords.Indonesian);
}
