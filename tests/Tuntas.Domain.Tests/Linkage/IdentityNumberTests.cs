using Tuntas.Domain.Linkage;
using Tuntas.Domain.Registry;

namespace Tuntas.Domain.Tests.Linkage;

public class IdentityNumberTests
{
    private const string Nik = "6408051203850002";

    [Theory]
    [InlineData("6408.0512.0385.0002")]
    [InlineData("6408 0512 0385 0002")]
    [InlineData("6408-0512-0385-0002")]
    [InlineData("'6408051203850002")]
    public void Clean_RemovesSeparatorsAndTheTextMarker(string raw)
    {
        var cleaned = IdentityNumber.Clean(raw);
        Assert.Equal(Nik, cleaned.Digits);
        Assert.Equal(ExcelDamage.None, cleaned.Damage);
    }

    [Fact]
    public void Clean_ScientificNotation_KeepsOnlyTheMantissaDigits()
    {
        var cleaned = IdentityNumber.Clean("6.40805E+15");
        Assert.Equal(ExcelDamage.ScientificNotation, cleaned.Damage);
        Assert.Equal(6, cleaned.KeptDigits);
        Assert.Equal("6408050000000000", cleaned.Digits);
    }

    [Fact]
    public void Clean_SixteenDigitsEndingInZero_IsPossiblyTruncated()
    {
        var cleaned = IdentityNumber.Clean("6408051203850000");
        Assert.Equal(ExcelDamage.PossiblyTruncated, cleaned.Damage);
        Assert.Equal(15, cleaned.KeptDigits);
    }

    [Fact]
    public void Compare_Same_IsExact() => Assert.Equal(NumberAgreement.Exact, IdentityNumber.Compare("6408.0512.0385.0002", Nik).Level);

    [Fact]
    public void Compare_DigitSlip_IsOneDigitDifferent()
    {
        var result = IdentityNumber.Compare("6408051208850002", Nik);
        Assert.Equal(NumberAgreement.OneDigitDifferent, result.Level);
        Assert.Equal("one digit different (position 10)", result.Reason);
    }

    [Fact]
    public void Compare_Transposition_IsAdjacentDigitsTransposed()
    {
        var result = IdentityNumber.Compare("6408051230850002", Nik);
        Assert.Equal(NumberAgreement.AdjacentDigitsTransposed, result.Level);
        Assert.Equal("digits 9 and 10 swapped", result.Reason);
    }

    [Fact]
    public void Compare_ExcelDamage_AgreesOnKeptDigits()
    {
        Assert.Equal(NumberAgreement.AgreesOnKeptDigits, IdentityNumber.Compare("6.40805120385E+15", Nik).Level);
        Assert.Equal(NumberAgreement.AgreesOnKeptDigits, IdentityNumber.Compare("6408051203850000", "6408051203850007").Level);
        Assert.Equal(NumberAgreement.Different, IdentityNumber.Compare("6.41E+15", Nik).Level);
    }

    [Fact]
    public void Compare_SameRegionAndDate_OtherSerial_IsSameFirst12() =>
        Assert.Equal(NumberAgreement.SameFirst12Digits, IdentityNumber.Compare("6408051203850117", Nik).Level);

    [Fact]
    public void Compare_OtherNumber_IsDifferent_AndBlankIsMissing()
    {
        Assert.Equal(NumberAgreement.Different, IdentityNumber.Compare("6408054507910001", Nik).Level);
        Assert.Equal(NumberAgreement.Missing, IdentityNumber.Compare("", Nik).Level);
        Assert.Equal(NumberAgreement.Missing, IdentityNumber.Compare("640805120385", Nik).Level);
        Assert.Equal(NumberAgreement.Missing, IdentityNumber.Compare("belum ada", Nik).Level);
    }

    [Fact]
    public void LooksLikeKkOf_KkNumberInTheNikColumn_IsRecognised()
    {
        const string noKk = "6408052001100034";
        Assert.True(IdentityNumber.LooksLikeKkOf("6408.0520.0110.0034", noKk));
        Assert.True(IdentityNumber.LooksLikeKkOf("6.40805200110003E+15", noKk));
        Assert.False(IdentityNumber.LooksLikeKkOf(Nik, noKk));
        Assert.False(IdentityNumber.LooksLikeKkOf("", noKk));
    }

    [Fact]
    public void BirthDateAndSex_ReadsTheNiksOwnDate()
    {
        var today = new DateOnly(2026, 12, 8);
        Assert.Equal((new DateOnly(1985, 3, 12), Sex.Male), IdentityNumber.BirthDateAndSex(Nik, today));
        Assert.Equal((new DateOnly(1991, 7, 5), Sex.Female), IdentityNumber.BirthDateAndSex("6408054507910001", today));
        Assert.Equal((null, null), IdentityNumber.BirthDateAndSex("6.4E+15", today));
    }
}
