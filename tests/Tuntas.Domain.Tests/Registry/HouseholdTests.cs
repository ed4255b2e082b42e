using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Domain.Tests.Registry;

public class HouseholdTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);

    private static Household NewHousehold() =>
        new(NomorKk.From("6474010101200001"), RegionCode.From("64.74.01.1001"), Now);

    [Fact]
    public void New_KeepsTheAncestorsOfItsVillage()
    {
        var household = NewHousehold();

        Assert.Equal("64.74.01", household.DistrictCode.Value);
        Assert.Equal("64.74", household.RegencyCode.Value);
        Assert.Equal("64", household.ProvinceCode.Value);
        Assert.Equal(HouseholdStatus.Registered, household.Status);
    }

    [Fact]
    public void New_InARegencyInsteadOfAVillage_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => new Household(NomorKk.From("6474010101200001"), RegionCode.From("64.74"), Now));

        Assert.Contains("desa/kelurahan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMember_SecondHead_IsRefused()
    {
        var household = NewHousehold();
        household.AddMember(Nik.From("6474011708850002"), "Budi", Sex.Male, new DateOnly(1985, 8, 17), FamilyRelation.KepalaKeluarga, Now);

        var error = Assert.Throws<DomainException>(() =>
            household.AddMember(Nik.From("6474011708860003"), "Agus", Sex.Male, new DateOnly(1986, 8, 17), FamilyRelation.KepalaKeluarga, Now));

        Assert.Contains("already has a Kepala Keluarga (Budi)", error.Message, StringComparison.Ordinal);
        Assert.Single(household.Members);
    }

    [Fact]
    public void AddMember_SameNikTwice_IsRefused()
    {
        var household = NewHousehold();
        household.AddMember(Nik.From("6474011708850002"), "Budi", Sex.Male, new DateOnly(1985, 8, 17), FamilyRelation.KepalaKeluarga, Now);

        Assert.Throws<DomainException>(() =>
            household.AddMember(Nik.From("6474011708850002"), "Budi", Sex.Male, new DateOnly(1985, 8, 17), FamilyRelation.Anak, Now));
    }

    [Fact]
    public void CheckComplete_WithoutHead_SaysSo()
    {
        var household = NewHousehold();
        household.AddMember(Nik.From("6474015708900002"), "Siti", Sex.Female, new DateOnly(1990, 8, 17), FamilyRelation.Istri, Now);

        Assert.Equal("KK 6474010101200001 has no Kepala Keluarga; every family needs exactly one.", household.CheckComplete());
    }

    [Fact]
    public void CheckComplete_WithOneHead_IsNull()
    {
        var household = NewHousehold();
        household.AddMember(Nik.From("6474011708850002"), "Budi", Sex.Male, new DateOnly(1985, 8, 17), FamilyRelation.KepalaKeluarga, Now);

        Assert.Null(household.CheckComplete());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void SetDesil_OutOfRange_IsRefused(int desil)
    {
        Assert.Throws<DomainException>(() => NewHousehold().SetDesil(desil, "P3KE", "2024"));
    }

    [Fact]
    public void SetDesil_WithoutSource_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => NewHousehold().SetDesil(1, " ", "2024"));

        Assert.Contains("source", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetSpending_Negative_IsRefused()
    {
        Assert.Throws<DomainException>(() => NewHousehold().SetSpendingPerCapita(-1));
    }

    [Theory]
    [InlineData("Kepala Keluarga", FamilyRelation.KepalaKeluarga)]
    [InlineData("KEPALA_KELUARGA", FamilyRelation.KepalaKeluarga)]
    [InlineData("istri", FamilyRelation.Istri)]
    [InlineData("Orang Tua", FamilyRelation.OrangTua)]
    [InlineData("famili-lain", FamilyRelation.FamiliLain)]
    public void Relation_ParsesTheCardLabels(string text, FamilyRelation expected)
    {
        Assert.Equal(expected, FamilyRelationNames.Parse(text));
    }

    [Theory]
    [InlineData("L", Sex.Male)]
    [InlineData("laki-laki", Sex.Male)]
    [InlineData("Perempuan", Sex.Female)]
    [InlineData("p", Sex.Female)]
    public void Sex_ParsesLettersAndWords(string text, Sex expected)
    {
        Assert.Equal(expected, SexCodes.Parse(text));
    }

    [Fact]
    public void Sex_Unknown_IsNull()
    {
        Assert.Null(SexCodes.Parse("X"));
    }
}
