using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Domain.Tests.Registry;

/// <summary>A move is a domain operation: the residence history, and where each status decision is counted.</summary>
public class HouseholdMoveTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly RegionCode Kuala = RegionCode.From("64.74.01.1001");
    private static readonly RegionCode Baru = RegionCode.From("64.74.01.1002");
    private static readonly RegionCode Senambah = RegionCode.From("64.08.03.2001");

    private static Household Listed(DateOnly on)
    {
        var household = new Household(NomorKk.From("6474010101200001"), Kuala, Now);
        household.ChangeStatus(new StatusChange(HouseholdStatus.Listed, on, "sistem:klasifikasi", "Memenuhi kriteria.", "classification"), Today, Now);
        return household;
    }

    private static StatusChange Decision(HouseholdStatus to, DateOnly on)
    {
        var task = new VisitTask(0, VisitPurpose.Verification, on.AddDays(14), "x", Now);
        var visit = Visit.Submit(task, new VisitReport { VisitedOn = on, Found = true }, "visitor", on, Now);
        visit.AddEvidence(EvidenceKind.Photo, "rumah.jpg", "image/jpeg", 1024, new string('a', 64), null);
        visit.Approve("reviewer", null, Now);
        return new StatusChange(to, on, "dinsos.bontang", "Hasil kunjungan lapangan.", "visit") { Visit = visit };
    }

    [Fact]
    public void Relocate_FamilyInTheCaseload_RecordsTheMoveAndAnEventThatKeepsItsStatus()
    {
        var household = Listed(new DateOnly(2026, 3, 1));

        Assert.True(household.Relocate(Baru, new DateOnly(2026, 4, 1), "operator", "import", Now));

        Assert.Equal((Baru, HouseholdStatus.Listed, new DateOnly(2026, 3, 1)), (household.VillageCode, household.Status, household.StatusSince));
        var move = Assert.Single(household.Moves);
        Assert.Equal((Kuala, Baru, new DateOnly(2026, 4, 1)), (move.FromVillageCode, move.ToVillageCode, move.MovedOn));
        var carried = household.StatusHistory[^1];
        Assert.Equal((HouseholdStatus.Listed, HouseholdStatus.Listed, Baru, new DateOnly(2026, 4, 1), "move"), (carried.From, carried.To, carried.VillageCode, carried.EffectiveDate, carried.Source));
    }

    [Fact]
    public void Relocate_RegisteredFamilyWithoutHistory_RecordsOnlyTheMove_AndTheSameVillageChangesNothing()
    {
        var household = new Household(NomorKk.From("6474010101200001"), Kuala, Now);

        Assert.False(household.Relocate(Kuala, new DateOnly(2026, 4, 1), "operator", "import", Now));
        Assert.True(household.Relocate(Baru, new DateOnly(2026, 4, 1), "operator", "import", Now));

        Assert.Single(household.Moves);
        Assert.Empty(household.StatusHistory);
    }

    [Fact]
    public void VillageOn_ReadsTheResidenceHistory()
    {
        var household = Listed(new DateOnly(2026, 3, 1));
        household.Relocate(Baru, new DateOnly(2026, 4, 1), "operator", "import", Now);
        household.Relocate(Senambah, new DateOnly(2026, 6, 1), "operator", "import", Now);

        Assert.Equal(Kuala, household.VillageOn(new DateOnly(2026, 1, 1)));
        Assert.Equal(Kuala, household.VillageOn(new DateOnly(2026, 3, 31)));
        Assert.Equal(Baru, household.VillageOn(new DateOnly(2026, 4, 1)));
        Assert.Equal(Baru, household.VillageOn(new DateOnly(2026, 5, 31)));
        Assert.Equal(Senambah, household.VillageOn(new DateOnly(2026, 6, 1)));
        Assert.Equal((Senambah, RegionCode.From("64.08")), (household.VillageCode, household.RegencyCode));
    }

    [Fact]
    public void ChangeStatus_DatedBeforeLaterMoves_IsCountedWhereTheFamilyLived_AndCarriedIntoEachNewVillage()
    {
        var household = Listed(new DateOnly(2026, 3, 1));
        household.Relocate(Baru, new DateOnly(2026, 4, 1), "operator", "import", Now);
        household.Relocate(Senambah, new DateOnly(2026, 6, 1), "operator", "import", Now);

        household.ChangeStatus(Decision(HouseholdStatus.Verified, new DateOnly(2026, 3, 20)), Today, Now);

        // The last event on or before each day gives the status and the village of that day.
        var ordered = household.StatusHistory.Select((e, i) => (e, i)).OrderBy(x => x.e.EffectiveDate).ThenBy(x => x.i).Select(x => x.e).ToList();
        (HouseholdStatus, RegionCode) On(DateOnly day) => ordered.Where(e => e.EffectiveDate <= day).Select(e => (e.To, e.VillageCode)).Last();
        Assert.Equal((HouseholdStatus.Listed, Kuala), On(new DateOnly(2026, 3, 19)));
        Assert.Equal((HouseholdStatus.Verified, Kuala), On(new DateOnly(2026, 3, 20)));
        Assert.Equal((HouseholdStatus.Verified, Baru), On(new DateOnly(2026, 4, 1)));
        Assert.Equal((HouseholdStatus.Verified, Senambah), On(new DateOnly(2026, 6, 1)));
        Assert.Equal((HouseholdStatus.Verified, new DateOnly(2026, 3, 20)), (household.Status, household.StatusSince));
    }

    [Fact]
    public void Relocate_DatedBeforeTheLastMoveOrTheLastDecision_IsRefused()
    {
        var household = Listed(new DateOnly(2026, 3, 1));
        household.Relocate(Baru, new DateOnly(2026, 4, 1), "operator", "import", Now);

        var beforeMove = Assert.Throws<DomainException>(() => household.Relocate(Senambah, new DateOnly(2026, 3, 15), "operator", "import", Now));
        Assert.Contains("2026-04-01", beforeMove.Message, StringComparison.Ordinal);

        household.ChangeStatus(Decision(HouseholdStatus.Verified, new DateOnly(2026, 5, 1)), Today, Now);
        Assert.Throws<DomainException>(() => household.Relocate(Senambah, new DateOnly(2026, 4, 20), "operator", "import", Now));
        Assert.Equal(Baru, household.VillageCode);
    }
}
