using Tuntas.Domain.Common;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Verification;

namespace Tuntas.Domain.Tests.Interventions;

public class NeedRuleTests
{
    private static readonly DateOnly On = new(2025, 4, 9);
    private static readonly DateTime Now = new(2025, 4, 9, 2, 0, 0, DateTimeKind.Utc);

    private static MemberNeedFacts Member(int age, string? education = null, string? occupation = null, string? insurance = "PBI-JK", bool nikMatches = true) =>
        new(On.AddYears(-age).AddDays(-10), education, occupation, null, insurance, nikMatches);

    private static HouseholdNeedFacts Household(PovertyIndicators? indicators = null, int? births = null, params MemberNeedFacts[] members) =>
        new(1, indicators, births, members);

    private static IEnumerable<string> Needs(HouseholdNeedFacts household) =>
        NeedRule.Seed(Now).Where(r => r.Matches(household, On)).Select(r => r.Code).Distinct().Order();

    [Fact]
    public void NoHealthInsurance_NeedsPbiJk_ButAnUnknownInsuranceNeedsNothing()
    {
        Assert.Equal(["JKN"], Needs(Household(members: [Member(40, insurance: "Tidak ada"), Member(38)])));
        Assert.Equal(["JKN"], Needs(Household(members: Member(40, insurance: "  tidak   PUNYA "))));
        Assert.Empty(Needs(Household(members: Member(40, insurance: null))));
        Assert.Equal("PBI-JK", NeedRule.Seed(Now).Single(r => r.Code == "JKN").ProgrammeCodes.Single());
    }

    [Fact]
    public void SchoolAgeChildOutOfSchool_NeedsPip_OnlyFromSevenToEighteen()
    {
        Assert.Equal(["SEKOLAH"], Needs(Household(members: Member(12, education: "Putus sekolah"))));
        Assert.Equal(["SEKOLAH"], Needs(Household(members: Member(7, education: "Tidak sekolah"))));
        Assert.Equal(["SEKOLAH"], Needs(Household(members: Member(18, education: "Tidak/belum sekolah"))));
        Assert.Empty(Needs(Household(members: Member(6, education: "Tidak/belum sekolah"))));
        Assert.Empty(Needs(Household(members: Member(19, education: "Putus sekolah"))));
        Assert.Empty(Needs(Household(members: Member(12, education: "SD"))));
    }

    [Fact]
    public void WorkingAgeAdultWithoutWork_NeedsPadatKaryaOrTraining()
    {
        var rule = NeedRule.Seed(Now).Single(r => r.Code == "KERJA");
        Assert.Equal(["PADAT-KARYA", "PELATIHAN"], rule.ProgrammeCodes);
        Assert.Equal(["KERJA"], Needs(Household(members: Member(35, occupation: "Tidak bekerja"))));
        Assert.Empty(Needs(Household(members: Member(65, occupation: "Tidak bekerja"))));
        Assert.Empty(Needs(Household(members: Member(16, occupation: "Tidak bekerja"))));
        Assert.Empty(Needs(Household(members: Member(35, occupation: "Nelayan"))));
    }

    [Fact]
    public void EarthFloorNonPermanentWallsOrNoToilet_NeedRtlh_AnyOfThem()
    {
        Assert.Equal(["RUMAH"], Needs(Household(PovertyIndicators.EarthOrPlasterFloor)));
        Assert.Equal(["RUMAH"], Needs(Household(PovertyIndicators.NonPermanentWalls)));
        Assert.Equal(["RUMAH"], Needs(Household(PovertyIndicators.NoOwnToilet | PovertyIndicators.FoodInsecure)));
        Assert.Empty(Needs(Household(PovertyIndicators.FoodInsecure | PovertyIndicators.HeadNotWorking)));
        Assert.Empty(Needs(Household(indicators: null)));
    }

    [Fact]
    public void MissingCivilDocuments_NeedAdminduk_ABirthNotOnTheCardOrANikThatDisagrees()
    {
        Assert.Equal(["DOKUMEN"], Needs(Household(births: 1, members: Member(30))));
        Assert.Equal(["DOKUMEN"], Needs(Household(members: Member(30, nikMatches: false))));
        Assert.Empty(Needs(Household(births: 0, members: Member(30))));
        Assert.Empty(Needs(Household(births: null, members: Member(30))));
    }

    [Fact]
    public void Rules_AreData_ANewRuleIsCheckedWhenItIsMade()
    {
        var disability = new NeedRule("DISABILITAS", "Penyandang disabilitas", ["BAZNAS"], NeedSubject.Member, "disabilitas", NeedOperator.In, ["Ya", "Tuna daksa"], null, null, Now);
        var household = Household(members: new MemberNeedFacts(On.AddYears(-50), null, null, "tuna daksa", "PBI-JK", true));
        Assert.True(disability.Matches(household, On));

        Assert.Contains("not a fact", Assert.Throws<DomainException>(() => new NeedRule("X1", "x", ["PIP"], NeedSubject.Member, "gaji", NeedOperator.In, ["a"], null, null, Now)).Message, StringComparison.Ordinal);
        Assert.Contains("belongs to a household", Assert.Throws<DomainException>(() => new NeedRule("X1", "x", ["RTLH"], NeedSubject.Member, "indikator", NeedOperator.AnyFlag, ["lantai_tanah"], null, null, Now)).Message, StringComparison.Ordinal);
        Assert.Contains("not an indicator", Assert.Throws<DomainException>(() => new NeedRule("X1", "x", ["RTLH"], NeedSubject.Household, "indikator", NeedOperator.AnyFlag, ["atap_bocor"], null, null, Now)).Message, StringComparison.Ordinal);
        Assert.Contains("at least one programme", Assert.Throws<DomainException>(() => new NeedRule("X1", "x", [], NeedSubject.Household, "indikator", NeedOperator.AnyFlag, ["lantai_tanah"], null, null, Now)).Message, StringComparison.Ordinal);
        Assert.Contains("age range", Assert.Throws<DomainException>(() => new NeedRule("X1", "x", ["PIP"], NeedSubject.Member, "pendidikan", NeedOperator.In, ["a"], 18, 7, Now)).Message, StringComparison.Ordinal);
    }
}
