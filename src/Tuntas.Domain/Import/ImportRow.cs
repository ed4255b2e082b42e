using Tuntas.Domain.Registry;

namespace Tuntas.Domain.Import;

/// <summary>
/// One person row of an import file after checking: the typed values that could be read, and, when
/// the row is refused, the first column at fault and the reasons (typed, given words where they are shown). No. KK, NIK and
/// relation are kept even on a refused row, so that the family rules can still be applied to it.
/// </summary>
public sealed record ImportRow
{
    public required long Line { get; init; }

    public string? NoKk { get; init; }

    public string? Nik { get; init; }

    public string? VillageCode { get; init; }

    public string? Name { get; init; }

    public Sex? Sex { get; init; }

    public DateOnly? BirthDate { get; init; }

    public FamilyRelation? Relation { get; init; }

    public string? Address { get; init; }

    public long? SpendingPerCapita { get; init; }

    public int? Desil { get; init; }

    public string? Education { get; init; }

    public string? Occupation { get; init; }

    public string? Disability { get; init; }

    public string? HealthInsurance { get; init; }

    /// <summary>The first column at fault, or null when the row passed the row-level checks.</summary>
    public ImportColumn? RejectedColumn { get; init; }

    /// <summary>
    /// The name of the column at fault when it is not one of the household list's own (an OpenSID
    /// workbook's <c>status_dasar</c>); otherwise null and <see cref="RejectedColumn"/> names it.
    /// </summary>
    public string? RejectedColumnName { get; init; }

    /// <summary>
    /// The person is no longer living in the family (OpenSID's <c>status_dasar</c> other than Hidup):
    /// never imported as a member, and never counted as the family's head.
    /// </summary>
    public bool NotLiving { get; init; }

    /// <summary>Why the row is refused, typed (words at the edges: <see cref="ImportReasons"/>); empty when it is not.</summary>
    public IReadOnlyList<Common.DomainError> Reasons { get; init; } = [];

    /// <summary>What the row was accepted with but should be looked at, typed like <see cref="Reasons"/>.</summary>
    public IReadOnlyList<Common.DomainError> Warnings { get; init; } = [];

    public bool IsRejected => Reasons.Count > 0;

    public bool IsHead => Relation == FamilyRelation.KepalaKeluarga && !NotLiving;
}
