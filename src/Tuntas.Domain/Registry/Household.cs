using System.Diagnostics.CodeAnalysis;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Verification;

namespace Tuntas.Domain.Registry;

/// <summary>
/// A family as on its Kartu Keluarga, living in one desa/kelurahan. The aggregate root of the register:
/// members are added through it so that its rules hold (exactly one head, a NIK once per family).
/// </summary>
public sealed class Household
{
    private readonly List<Person> _members = [];
    private readonly List<HouseholdStatusEvent> _statusHistory = [];
    private readonly List<HouseholdMove> _moves = [];

    public Household(NomorKk noKk, RegionCode villageCode, DateTime nowUtc)
    {
        NoKk = noKk;
        MoveTo(villageCode);
        Status = HouseholdStatus.Registered;
        CreatedAt = UpdatedAt = EnsureUtc(nowUtc);
    }

    // For EF Core materialisation.
    private Household()
    {
        NoKk = null!;
        VillageCode = DistrictCode = RegencyCode = ProvinceCode = null!;
    }

    public long Id { get; private set; }

    public NomorKk NoKk { get; private set; }

    /// <summary>The desa/kelurahan the family lives in.</summary>
    public RegionCode VillageCode { get; private set; }

    // The ancestors of the village are kept on the row so that a region-scope filter is an
    // indexed equality at every level, on every database.
    public RegionCode DistrictCode { get; private set; }

    public RegionCode RegencyCode { get; private set; }

    public RegionCode ProvinceCode { get; private set; }

    public string? Address { get; set; }

    /// <summary>Monthly household spending per person, whole rupiah.</summary>
    public long? SpendingPerCapita { get; private set; }

    /// <summary>Welfare decile 1–10 from a national ranking; never stored without its source and period.</summary>
    public int? Desil { get; private set; }

    /// <summary>Where the desil comes from: P3KE, DTKS, DTSEN.</summary>
    public string? DesilSource { get; private set; }

    /// <summary>The period of that ranking, e.g. <c>2024</c> or <c>2024-S1</c>.</summary>
    public string? DesilPeriod { get; private set; }

    public HouseholdStatus Status { get; private set; }

    /// <summary>The effective date of the last status change; null while never changed.</summary>
    public DateOnly? StatusSince { get; private set; }

    /// <summary>For a merged household: the household that stays.</summary>
    public long? MergedIntoId { get; private set; }

    /// <summary>The Kepmensos 262/HUK/2022 indicators found at the last approved visit; null until assessed.</summary>
    public PovertyIndicators? Indicators { get; private set; }

    /// <summary>No shelter at all, as found at the last approved visit; null until assessed.</summary>
    public bool? NoShelter { get; private set; }

    /// <summary>The day of the last approved field assessment.</summary>
    public DateOnly? AssessedOn { get; private set; }

    /// <summary>Whether the last classification found the household an extreme-poverty candidate.</summary>
    public bool IsCandidate { get; private set; }

    /// <summary>The last classification with its reasons, as JSON (see <see cref="Verification.Classification"/>).</summary>
    public string? ClassificationJson { get; private set; }

    public DateTime? ClassifiedAt { get; private set; }

    /// <summary>Incremented on every change; two people editing at once cannot both win.</summary>
    public int Version { get; private set; }

    /// <summary>Status changes added through <see cref="ChangeStatus"/> and not yet saved (and, when loaded, the history).</summary>
    public IReadOnlyList<HouseholdStatusEvent> StatusHistory => _statusHistory;

    public WelfareFacts Facts => new(SpendingPerCapita, Desil, DesilSource, DesilPeriod, Indicators, NoShelter, AssessedOn);

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<Person> Members => _members;

    /// <summary>The family's moves between villages, always loaded with it (a status decision needs them to be placed).</summary>
    public IReadOnlyList<HouseholdMove> Moves => _moves;

    public Person? Head => _members.FirstOrDefault(m => m.Relation == FamilyRelation.KepalaKeluarga);

    [MemberNotNull(nameof(VillageCode), nameof(DistrictCode), nameof(RegencyCode), nameof(ProvinceCode))]
    public void MoveTo(RegionCode villageCode)
    {
        if (villageCode.Level != RegionLevel.Village)
        {
            throw new DomainException(RegistryErrors.NotAVillage(villageCode.Value, villageCode.Level));
        }

        VillageCode = villageCode;
        DistrictCode = villageCode.AtLevel(RegionLevel.District)!;
        RegencyCode = villageCode.AtLevel(RegionLevel.Regency)!;
        ProvinceCode = villageCode.AtLevel(RegionLevel.Province)!;
    }

    /// <summary>
    /// The family moves to another desa/kelurahan from <paramref name="movedOn"/> (the day it is
    /// recorded). The move joins the residence history; a family that is in the caseload history
    /// also gets a status event that keeps its status and carries the new village, so that figures
    /// from that day count it where it lives. Its status and <see cref="StatusSince"/> do not change:
    /// a decision dated earlier can still be entered, and is placed by <see cref="ChangeStatus"/>.
    /// </summary>
    /// <returns>Whether anything changed (false when the family already lives there).</returns>
    public bool Relocate(RegionCode villageCode, DateOnly movedOn, string actor, string source, DateTime nowUtc)
    {
        if (villageCode == VillageCode)
        {
            return false;
        }

        if (_moves.Count > 0 && movedOn < _moves.Max(m => m.MovedOn))
        {
            throw new DomainException(RegistryErrors.MoveBeforeLastMove(NoKk.Value, _moves.Max(m => m.MovedOn)));
        }

        // A move dated before the last decision would change where that decision was counted.
        if (StatusSince is { } since && movedOn < since)
        {
            throw new DomainException(RegistryErrors.EffectiveDateBeforeLastChange(movedOn, since));
        }

        var from = VillageCode;
        MoveTo(villageCode);
        _moves.Add(new HouseholdMove(this, from, villageCode, movedOn, actor, source, EnsureUtc(nowUtc)));
        if (StatusSince is not null)
        {
            _statusHistory.Add(new HouseholdStatusEvent(this, Status, Status, villageCode, movedOn, EnsureUtc(nowUtc), actor,
                $"Pindah domisili: {from.Value} -> {villageCode.Value}", "move", visit: null, mergedInto: null));
        }

        Touch(nowUtc);
        return true;
    }

    /// <summary>The desa/kelurahan the family lived in at the end of <paramref name="day"/>, from its moves.</summary>
    public RegionCode VillageOn(DateOnly day)
    {
        if (_moves.Count == 0)
        {
            return VillageCode;
        }

        var ordered = _moves.OrderBy(m => m.MovedOn).ThenBy(m => m.Id).ThenBy(m => m.RecordedAt).ToList();
        var last = ordered.LastOrDefault(m => m.MovedOn <= day);
        return last?.ToVillageCode ?? ordered[0].FromVillageCode;
    }

    public void SetSpendingPerCapita(long? rupiah)
    {
        if (rupiah is < 0)
        {
            throw new DomainException(RegistryErrors.NegativeSpending());
        }

        SpendingPerCapita = rupiah;
    }

    public void SetDesil(int? desil, string? source, string? period)
    {
        if (desil is null)
        {
            Desil = null;
            DesilSource = DesilPeriod = null;
            return;
        }

        if (desil is < 1 or > 10)
        {
            throw new DomainException(RegistryErrors.DesilOutOfRange(desil.Value));
        }

        if (string.IsNullOrWhiteSpace(source) || string.IsNullOrWhiteSpace(period))
        {
            throw new DomainException(RegistryErrors.DesilWithoutSource());
        }

        Desil = desil;
        DesilSource = source.Trim();
        DesilPeriod = period.Trim();
    }

    /// <summary>Adds a member, keeping the family's rules: one head, and a NIK only once.</summary>
    public Person AddMember(Nik nik, string name, Sex sex, DateOnly birthDate, FamilyRelation relation, DateTime nowUtc)
    {
        if (_members.Any(m => m.Nik == nik))
        {
            throw new DomainException(RegistryErrors.AlreadyMember(nik.Value, NoKk.Value));
        }

        if (relation == FamilyRelation.KepalaKeluarga && Head is { } head)
        {
            throw new DomainException(RegistryErrors.SecondHead(NoKk.Value, head.Name));
        }

        var person = new Person(nik, name, sex, birthDate, relation, nowUtc);
        _members.Add(person);
        Touch(nowUtc);
        return person;
    }

    /// <summary>Checks the rule that can only be judged on the whole family: exactly one head.</summary>
    public string? CheckComplete() => _members.Count(m => m.Relation == FamilyRelation.KepalaKeluarga) switch
    {
        1 => null,
        0 => $"KK {NoKk.Value} has no Kepala Keluarga; every family needs exactly one.",
        var n => $"KK {NoKk.Value} has {n} Kepala Keluarga rows; every family needs exactly one.",
    };

    public void Touch(DateTime nowUtc)
    {
        UpdatedAt = EnsureUtc(nowUtc);
        Version++;
    }

    /// <summary>Keeps the result of a classification; says whether anything changed.</summary>
    public bool ApplyClassification(Classification classification, DateTime nowUtc)
    {
        // The day a classification ran is not a change in itself: compare without it.
        var before = Classification.FromJson(ClassificationJson);
        var changed = before is null || IsCandidate != classification.IsCandidate
            || (before with { At = default }).ToJson() != (classification with { At = default }).ToJson();
        IsCandidate = classification.IsCandidate;
        ClassificationJson = classification.ToJson();
        ClassifiedAt = EnsureUtc(nowUtc);
        if (changed)
        {
            Touch(nowUtc);
        }

        return changed;
    }

    /// <summary>Takes over what an approved visit found: indicators, shelter and spending.</summary>
    public void Assess(Visit visit, DateTime nowUtc)
    {
        if (!visit.IsApproved)
        {
            throw new DomainException(RegistryErrors.VisitNotApproved());
        }

        // A visit older than the last assessment does not overwrite what a newer one found.
        if (!visit.Found || (AssessedOn is { } last && visit.VisitedOn < last))
        {
            return;
        }

        Indicators = visit.Indicators;
        NoShelter = visit.NoShelter;
        if (visit.SpendingPerCapita is { } spending)
        {
            SpendingPerCapita = spending;
        }

        AssessedOn = visit.VisitedOn;
        Touch(nowUtc);
    }

    /// <summary>
    /// Moves the household to another status, keeping the rules of <see cref="HouseholdLifecycle"/>:
    /// an allowed transition, an actor and a reason, a date not before the last change nor in the
    /// future, and for verification and every exit an approved visit (with evidence, for exits).
    /// </summary>
    public HouseholdStatusEvent ChangeStatus(StatusChange change, DateOnly today, DateTime nowUtc)
    {
        var from = Status;
        var to = change.To;
        if (from == to)
        {
            throw new DomainException(RegistryErrors.AlreadyInStatus(NoKk.Value, to));
        }

        if (!HouseholdLifecycle.IsAllowed(from, to))
        {
            var allowed = HouseholdLifecycle.AllowedFrom(from);
            throw new DomainException(allowed.Count == 0 ? RegistryErrors.StatusIsFinal(from, to) : RegistryErrors.TransitionNotAllowed(from, to, allowed));
        }

        if (string.IsNullOrWhiteSpace(change.Actor))
        {
            throw new DomainException(RegistryErrors.StatusChangeWithoutActor());
        }

        if (string.IsNullOrWhiteSpace(change.Reason))
        {
            throw new DomainException(RegistryErrors.StatusChangeWithoutReason());
        }

        if (change.EffectiveDate > today)
        {
            throw new DomainException(RegistryErrors.EffectiveDateInFuture(change.EffectiveDate));
        }

        if (StatusSince is { } since && change.EffectiveDate < since)
        {
            throw new DomainException(RegistryErrors.EffectiveDateBeforeLastChange(change.EffectiveDate, since));
        }

        if (HouseholdLifecycle.NeedsApprovedVisit(to))
        {
            var visit = change.Visit;
            if (visit is null || !visit.IsApproved)
            {
                throw new DomainException(RegistryErrors.ChangeNeedsApprovedVisit(NoKk.Value, to));
            }

            if (visit.HouseholdId != 0 && visit.HouseholdId != Id)
            {
                throw new DomainException(RegistryErrors.VisitOfAnotherHousehold());
            }

            if (visit.VisitedOn > change.EffectiveDate)
            {
                throw new DomainException(RegistryErrors.ChangeBeforeVisit());
            }

            if (HouseholdLifecycle.NeedsEvidence(to) && !visit.HasEvidence)
            {
                throw new DomainException(RegistryErrors.ExitNeedsEvidence(to));
            }
        }

        if (to == HouseholdStatus.Merged)
        {
            if (change.MergeInto is null || ReferenceEquals(change.MergeInto, this) || change.MergeInto.NoKk == NoKk)
            {
                throw new DomainException(RegistryErrors.MergeWithoutTarget());
            }

            MergedIntoId = change.MergeInto.Id;
        }

        // Counted where the family lived on the effective day. A decision dated before a later move
        // is carried into each new village from the day of that move, exactly as if it had been
        // entered before the move (the move's own event then carried the new status).
        var recorded = new HouseholdStatusEvent(this, from, to, change, VillageOn(change.EffectiveDate), EnsureUtc(nowUtc));
        _statusHistory.Add(recorded);
        foreach (var move in _moves.Where(m => m.MovedOn > change.EffectiveDate).OrderBy(m => m.MovedOn).ThenBy(m => m.Id).ThenBy(m => m.RecordedAt))
        {
            _statusHistory.Add(new HouseholdStatusEvent(this, to, to, move.ToVillageCode, move.MovedOn, EnsureUtc(nowUtc), change.Actor,
                $"Status {to.ToIndonesian()} (berlaku {change.EffectiveDate:dd-MM-yyyy}) di domisili baru sejak pindah {move.MovedOn:dd-MM-yyyy}", "move", visit: null, mergedInto: null));
        }

        Status = to;
        StatusSince = change.EffectiveDate;
        Touch(nowUtc);
        return recorded;
    }

    internal static DateTime EnsureUtc(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? value : throw new ArgumentException("Times are stored in UTC.", nameof(value));
}
