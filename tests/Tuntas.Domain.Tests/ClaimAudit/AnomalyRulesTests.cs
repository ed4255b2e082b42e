using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Domain.Tests.ClaimAudit;

public class AnomalyRulesTests
{
    private static readonly RegionCode Bontang = RegionCode.From("64.74");
    private static readonly RegionCode Kuala = RegionCode.From("64.74.01.1001");
    private static readonly RegionCode Baru = RegionCode.From("64.74.01.1002");
    private static readonly RegionCode Utara = RegionCode.From("64.74.02.1001");

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static string Kk(long household) => $"6474010101{household:000000}";

    private static long _sequence;

    private static StatusChangeRecord Change(long household, HouseholdStatus from, HouseholdStatus to, DateOnly on, string actor = "dinsos.bontang", long? visit = null, RegionCode? village = null) =>
        new(household, Kk(household), village ?? Kuala, from, to, on, Interlocked.Increment(ref _sequence), actor, visit);

    private static VisitRecord Visit(long id, long household, DateOnly on, bool approved = true, double? lat = null, double? lon = null, RegionCode? village = null, params string[] hashes) =>
        new(id, household, Kk(household), village ?? Kuala, on, approved, lat, lon, hashes);

    private static AnomalyInput Input(
        IEnumerable<StatusChangeRecord>? changes = null, IEnumerable<VisitRecord>? visits = null, IEnumerable<DeliveryRecord>? deliveries = null,
        IEnumerable<TargetRecord>? targets = null, RegionCode? region = null, RegionCode? nameable = null) =>
        new(region ?? Bontang, (changes ?? []).ToList(), (visits ?? []).ToList(), (deliveries ?? []).ToList(), (targets ?? []).ToList(), nameable);

    // exit-without-visit

    [Fact]
    public void ExitWithoutVisit_FlagsAnExitWithNoVisit_AnUnapprovedVisit_AndAVisitWithoutEvidence()
    {
        var input = Input(
            [
                Change(1, HouseholdStatus.Verified, HouseholdStatus.Graduated, D(2025, 3, 1)),
                Change(2, HouseholdStatus.Verified, HouseholdStatus.Excluded, D(2025, 3, 1), visit: 20),
                Change(3, HouseholdStatus.Verified, HouseholdStatus.Moved, D(2025, 3, 1), visit: 30),
                Change(4, HouseholdStatus.Verified, HouseholdStatus.Graduated, D(2025, 3, 1), visit: 40),
            ],
            [Visit(20, 2, D(2025, 2, 27), approved: false, hashes: "aa"), Visit(30, 3, D(2025, 2, 27)), Visit(40, 4, D(2025, 2, 27), hashes: "bb")]);

        var flags = AnomalyRules.ExitsWithoutVisit(input, DateWindow.All).ToList();

        Assert.Equal([Kk(1), Kk(2), Kk(3)], flags.Select(f => f.NoKk));
        Assert.All(flags, f => Assert.Equal(AnomalySeverity.High, f.Severity));
        Assert.Contains("no field visit", flags[0].Detail, StringComparison.Ordinal);
        Assert.Contains("never approved", flags[1].Detail, StringComparison.Ordinal);
        Assert.Contains("no photo or document", flags[2].Detail, StringComparison.Ordinal);
        Assert.Contains("tanpa foto atau dokumen", flags[2].DetailIndonesian, StringComparison.Ordinal);
    }

    [Fact]
    public void ExitWithoutVisit_DoesNotFire_OnAnExitBackedByAnApprovedVisitWithEvidence_OrOnAVerification()
    {
        var input = Input(
            [
                Change(1, HouseholdStatus.Verified, HouseholdStatus.Graduated, D(2025, 3, 1), visit: 10),
                Change(2, HouseholdStatus.Listed, HouseholdStatus.Verified, D(2025, 3, 1)),
            ],
            [Visit(10, 1, D(2025, 2, 27), hashes: "aa")]);

        Assert.Empty(AnomalyRules.ExitsWithoutVisit(input, DateWindow.All));
    }

    [Fact]
    public void ExitWithoutVisit_FlagsAVisitOfAnotherHousehold_AndKeepsToTheWindow()
    {
        var input = Input(
            [
                Change(1, HouseholdStatus.Verified, HouseholdStatus.Graduated, D(2025, 3, 1), visit: 20),
                Change(3, HouseholdStatus.Verified, HouseholdStatus.Graduated, D(2024, 3, 1)),
            ],
            [Visit(20, 2, D(2025, 2, 27), hashes: "aa")]);

        var flags = AnomalyRules.ExitsWithoutVisit(input, new DateWindow(D(2025, 1, 1), null)).ToList();

        Assert.Equal(Kk(1), Assert.Single(flags).NoKk);
        Assert.Contains("another household", flags[0].Detail, StringComparison.Ordinal);
    }

    // exit-surge-before-target

    private static IEnumerable<StatusChangeRecord> Exits(int count, DateOnly first, int everyDays, int firstHousehold, RegionCode? village = null) =>
        Enumerable.Range(0, count).Select(i => Change(firstHousehold + i, HouseholdStatus.Verified, HouseholdStatus.Graduated, first.AddDays(i * everyDays), village: village));

    [Fact]
    public void Surge_FlagsTheKecamatan_WhenExitsBeforeTheTargetAreFarAboveTheUsualPace()
    {
        // One exit a month through 2024, then 12 in December before the regency's target.
        var changes = Exits(11, D(2024, 1, 15), 30, 1).Concat(Exits(12, D(2024, 12, 5), 2, 100)).ToList();
        var input = Input(changes, targets: [new TargetRecord(Bontang, D(2024, 12, 31))]);

        var flag = Assert.Single(AnomalyRules.ExitSurgesBeforeTarget(input, DateWindow.All));

        Assert.Equal("64.74.01", flag.Region.Value);
        Assert.Null(flag.NoKk);
        Assert.Equal(AnomalySeverity.High, flag.Severity);
        Assert.StartsWith("12 households left the list in the 30 days up to region 64.74's target date 31 December 2024", flag.Detail, StringComparison.Ordinal);
        Assert.Contains("usual pace before was 1.0 per 30 days", flag.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Surge_DoesNotFire_AtASteadyPace_OrWithFewExits_OrWithoutATarget()
    {
        var steady = Exits(60, D(2024, 1, 1), 6, 1).ToList(); // 5 every 30 days, all year
        var few = Exits(4, D(2024, 12, 20), 1, 500, Utara).ToList(); // 4 exits with no history: below the minimum
        var target = new TargetRecord(Bontang, D(2024, 12, 31));

        Assert.Empty(AnomalyRules.ExitSurgesBeforeTarget(Input(steady.Concat(few), targets: [target]), DateWindow.All));
        Assert.Empty(AnomalyRules.ExitSurgesBeforeTarget(Input(Exits(12, D(2024, 12, 5), 2, 100)), DateWindow.All));
    }

    [Fact]
    public void Surge_UsesTheKecamatansOwnTarget_AndJudgesANewKecamatanAgainstTheFloor()
    {
        // No exits before: 5 in the last 30 days is more than 3 times the floor of 1.
        var changes = Exits(5, D(2025, 6, 10), 3, 1).ToList();
        var own = new TargetRecord(RegionCode.From("64.74.01"), D(2025, 6, 30));
        var flag = Assert.Single(AnomalyRules.ExitSurgesBeforeTarget(Input(changes, targets: [own, new TargetRecord(Bontang, D(2025, 12, 31))]), DateWindow.All));

        Assert.Contains("the kecamatan's target date 30 June 2025", flag.Detail, StringComparison.Ordinal);

        // A window that ends before the target period leaves it out.
        Assert.Empty(AnomalyRules.ExitSurgesBeforeTarget(Input(changes, targets: [own]), new DateWindow(null, D(2025, 5, 1))));
    }

    // verifier-exit-rate-outlier

    [Fact]
    public void RecorderOutlier_FlagsThePersonWhoseChangesAreMostlyExits()
    {
        var changes = new List<StatusChangeRecord>();
        for (var i = 0; i < 20; i++)
        {
            changes.Add(Change(i, HouseholdStatus.Verified, i < 18 ? HouseholdStatus.Graduated : HouseholdStatus.Listed, D(2025, 1, 1).AddDays(i), "petugas.a"));
            changes.Add(Change(100 + i, HouseholdStatus.Listed, i < 2 ? HouseholdStatus.Excluded : HouseholdStatus.Verified, D(2025, 1, 1).AddDays(i), "petugas.b"));
            changes.Add(Change(200 + i, HouseholdStatus.Registered, HouseholdStatus.Listed, D(2025, 1, 1), "sistem:klasifikasi"));
        }

        var flag = Assert.Single(AnomalyRules.RecorderExitRateOutliers(Input(changes), DateWindow.All));

        Assert.Equal(Bontang, flag.Region);
        Assert.Null(flag.NoKk);
        Assert.Equal(AnomalySeverity.Medium, flag.Severity);
        Assert.StartsWith("petugas.a recorded 20 status changes, 18 of them exits (90%)", flag.Detail, StringComparison.Ordinal);
        Assert.Contains("recorded 20, 2 of them exits (10%)", flag.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void RecorderOutlier_DoesNotFire_ForPeersWithSimilarShares_TooFewChanges_OrASingleRecorder()
    {
        IEnumerable<StatusChangeRecord> Person(string actor, int changes, int exits, int first) =>
            Enumerable.Range(0, changes).Select(i => Change(first + i, HouseholdStatus.Verified, i < exits ? HouseholdStatus.Graduated : HouseholdStatus.Listed, D(2025, 1, 1), actor));

        Assert.Empty(AnomalyRules.RecorderExitRateOutliers(Input(Person("a", 20, 10, 0).Concat(Person("b", 20, 8, 100))), DateWindow.All));
        Assert.Empty(AnomalyRules.RecorderExitRateOutliers(Input(Person("a", 9, 9, 0).Concat(Person("b", 20, 0, 100))), DateWindow.All));
        Assert.Empty(AnomalyRules.RecorderExitRateOutliers(Input(Person("a", 40, 40, 0)), DateWindow.All));
    }

    [Fact]
    public void TwoProportionZ_IsTheTextbookStatistic()
    {
        // 18/20 against 2/20: pooled 0.5, error sqrt(0.25 * 0.1) = 0.158, z = 0.8 / 0.158 = 5.06.
        Assert.Equal(5.06, AnomalyRules.TwoProportionZ(18, 20, 2, 20), 2);
        Assert.Equal(0, AnomalyRules.TwoProportionZ(0, 20, 0, 20));
    }

    // graduation-without-intervention

    [Fact]
    public void GraduationWithoutIntervention_FlagsAGraduationWithNoDeliveryOnOrBeforeIt()
    {
        var input = Input(
            [
                Change(1, HouseholdStatus.Verified, HouseholdStatus.Graduated, D(2025, 3, 1)),
                Change(2, HouseholdStatus.Verified, HouseholdStatus.Graduated, D(2025, 3, 1)),
                Change(3, HouseholdStatus.Verified, HouseholdStatus.Graduated, D(2025, 3, 1)),
                Change(4, HouseholdStatus.Verified, HouseholdStatus.Excluded, D(2025, 3, 1)),
            ],
            deliveries: [new DeliveryRecord(2, D(2025, 3, 1)), new DeliveryRecord(3, D(2025, 3, 2))]);

        var flags = AnomalyRules.GraduationsWithoutIntervention(input, DateWindow.All).ToList();

        Assert.Equal([Kk(1), Kk(3)], flags.Select(f => f.NoKk).Order(StringComparer.Ordinal));
        Assert.All(flags, f => Assert.Equal(Kuala, f.Region));
        Assert.Equal("Graduated on 1 March 2025 with no programme delivery recorded on or before that day.", flags[0].Detail);
    }

    [Fact]
    public void GraduationWithoutIntervention_DoesNotFire_WhenADeliveryCameFirst()
    {
        var input = Input([Change(1, HouseholdStatus.Verified, HouseholdStatus.Graduated, D(2025, 3, 1))], deliveries: [new DeliveryRecord(1, D(2024, 10, 1))]);

        Assert.Empty(AnomalyRules.GraduationsWithoutIntervention(input, DateWindow.All));
    }

    // re-entry-after-graduation

    [Fact]
    public void ReEntry_FlagsAHouseholdListedAgainAfterGraduating()
    {
        var input = Input(
            [
                Change(1, HouseholdStatus.Listed, HouseholdStatus.Verified, D(2024, 1, 1)),
                Change(1, HouseholdStatus.Verified, HouseholdStatus.Graduated, D(2024, 6, 1)),
                Change(1, HouseholdStatus.Graduated, HouseholdStatus.Listed, D(2025, 2, 1), "sistem:klasifikasi"),
                Change(2, HouseholdStatus.Verified, HouseholdStatus.Excluded, D(2024, 6, 1)),
                Change(2, HouseholdStatus.Excluded, HouseholdStatus.Listed, D(2025, 2, 1)),
            ]);

        var flag = Assert.Single(AnomalyRules.ReEntriesAfterGraduation(input, DateWindow.All));

        Assert.Equal(Kk(1), flag.NoKk);
        Assert.Equal("Graduated on 1 June 2024, then listed again on 1 February 2025.", flag.Detail);
        Assert.Empty(AnomalyRules.ReEntriesAfterGraduation(input, new DateWindow(D(2025, 3, 1), null)));
    }

    [Fact]
    public void ReEntry_DoesNotFire_ForAGraduationThatHolds()
    {
        var input = Input(
            [
                Change(1, HouseholdStatus.Registered, HouseholdStatus.Listed, D(2023, 1, 1)),
                Change(1, HouseholdStatus.Listed, HouseholdStatus.Verified, D(2024, 1, 1)),
                Change(1, HouseholdStatus.Verified, HouseholdStatus.Graduated, D(2024, 6, 1)),
            ]);

        Assert.Empty(AnomalyRules.ReEntriesAfterGraduation(input, DateWindow.All));
    }

    // same-photo-different-households

    [Fact]
    public void SamePhoto_FlagsEachHouseholdInvolved_NamingTheOthers_AndOnlyCountingThoseOutsideTheScope()
    {
        var outside = new VisitRecord(9, 9, "6408010101000009", RegionCode.From("64.08.01.2001"), D(2025, 1, 5), true, null, null, ["AB12"]);
        var input = Input(
            visits:
            [
                Visit(1, 1, D(2025, 1, 1), hashes: "ab12"),
                Visit(2, 2, D(2025, 1, 2), hashes: "ab12"),
                Visit(3, 1, D(2025, 1, 3), hashes: "ab12"),
                outside,
                Visit(4, 4, D(2025, 1, 4), hashes: "cd34"),
            ],
            nameable: Bontang);

        var flags = AnomalyRules.Evaluate(input, DateWindow.All);

        Assert.Equal([Kk(1), Kk(2)], flags.Select(f => f.NoKk));
        Assert.All(flags, f => Assert.Equal(AnomalyKind.SamePhotoDifferentHouseholds, f.Kind));
        Assert.Equal($"The same photo or document is on visits of another household: No. KK {Kk(2)} and 1 household(s) outside your region.", flags[0].Detail);
        Assert.DoesNotContain("6408010101000009", string.Join(" ", flags.Select(f => f.Detail + f.DetailIndonesian)), StringComparison.Ordinal);
    }

    [Fact]
    public void SamePhoto_DoesNotFire_ForOnePhotoUsedTwiceOnTheSameHousehold()
    {
        var input = Input(visits: [Visit(1, 1, D(2025, 1, 1), hashes: "ab12"), Visit(2, 1, D(2025, 6, 1), hashes: "ab12"), Visit(3, 2, D(2025, 6, 1), hashes: "ef56")]);

        Assert.Empty(AnomalyRules.SamePhotoDifferentHouseholds(input, DateWindow.All));
    }

    // visit-far-from-village

    [Fact]
    public void FarFromVillage_FlagsAVisitFarFromTheOtherVisitsOfItsDesa()
    {
        var input = Input(visits:
        [
            Visit(1, 1, D(2025, 1, 1), lat: 0.130, lon: 117.500),
            Visit(2, 2, D(2025, 1, 1), lat: 0.132, lon: 117.502),
            Visit(3, 3, D(2025, 1, 1), lat: 0.128, lon: 117.499),
            Visit(4, 4, D(2025, 1, 1), lat: 0.131, lon: 117.498),
            Visit(5, 5, D(2025, 2, 1), lat: 0.330, lon: 117.500), // about 22 km north
        ]);

        var flag = Assert.Single(AnomalyRules.VisitsFarFromVillage(input, DateWindow.All));

        Assert.Equal(Kk(5), flag.NoKk);
        Assert.Contains("22.", flag.Detail, StringComparison.Ordinal);
        Assert.Contains("other 4 visits", flag.Detail, StringComparison.Ordinal);
        Assert.Empty(AnomalyRules.VisitsFarFromVillage(input, new DateWindow(null, D(2025, 1, 31))));
    }

    [Fact]
    public void FarFromVillage_DoesNotFire_ForAClusteredDesa_OrWithTooFewOtherVisits()
    {
        var clustered = Input(visits:
        [
            Visit(1, 1, D(2025, 1, 1), lat: 0.130, lon: 117.500),
            Visit(2, 2, D(2025, 1, 1), lat: 0.135, lon: 117.505),
            Visit(3, 3, D(2025, 1, 1), lat: 0.127, lon: 117.496),
            Visit(4, 4, D(2025, 1, 1), lat: 0.131, lon: 117.508),
            Visit(5, 5, D(2025, 1, 1), lat: 0.330, lon: 117.500, village: Baru), // far, but the only one of its desa
        ]);
        var few = Input(visits: [Visit(1, 1, D(2025, 1, 1), lat: 0.13, lon: 117.5), Visit(2, 2, D(2025, 1, 1), lat: 0.13, lon: 117.5), Visit(3, 3, D(2025, 1, 1), lat: 0.9, lon: 117.5)]);

        Assert.Empty(AnomalyRules.VisitsFarFromVillage(clustered, DateWindow.All));
        Assert.Empty(AnomalyRules.VisitsFarFromVillage(few, DateWindow.All));
    }

    [Fact]
    public void GreatCircle_OneDegreeOfLatitude_IsAbout111Km()
    {
        Assert.Equal(111.2, AnomalyRules.GreatCircleKm(0, 117, 1, 117), 1);
    }

    // all rules

    [Fact]
    public void Evaluate_GivesFlagsOnlyInsideTheRegionAsked_WithStableWireNames()
    {
        var input = Input(
            [
                Change(1, HouseholdStatus.Verified, HouseholdStatus.Graduated, D(2025, 3, 1)),
                Change(2, HouseholdStatus.Verified, HouseholdStatus.Graduated, D(2025, 3, 1), village: Utara),
            ],
            region: RegionCode.From("64.74.01"));

        var flags = AnomalyRules.Evaluate(input, DateWindow.All);

        Assert.Equal(["exit-without-visit", "graduation-without-intervention"], flags.Select(f => f.Kind.ToWire()));
        Assert.All(flags, f => Assert.Equal(Kk(1), f.NoKk));
        Assert.Equal(["high", "medium"], flags.Select(f => f.Severity.ToWire()));
        Assert.Equal(AnomalyKind.VisitFarFromVillage, AnomalyKinds.ParseWire("visit-far-from-village"));
    }
}
