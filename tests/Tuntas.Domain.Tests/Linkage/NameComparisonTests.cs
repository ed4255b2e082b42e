using Tuntas.Domain.Linkage;

namespace Tuntas.Domain.Tests.Linkage;

public class NameComparisonTests
{
    [Theory]
    [InlineData("Hj. Siti Aminah, S.Pd.", "SITI AMINAH")]
    [InlineData("Soetomo", "Sutomo")]
    [InlineData("Djoko Susilo", "Joko Susilo")]
    [InlineData("Tjahja Kusuma", "Cahya Kusuma")]
    [InlineData("M. Yusuf", "Muhammad Yusuf")]
    [InlineData("Mhd. Yusuf", "Moh. Yusuf")]
    [InlineData("Ahmad bin Abdullah", "Ahmad")]
    [InlineData("Andi Baso Amir", "Baso Amir")]
    public void Compare_KnownFaults_AreExactAfterNormalisation(string a, string b)
    {
        var result = NameComparison.Compare(a, b);
        Assert.Equal(NameAgreement.Exact, result.Level);
        Assert.Equal("same name after removing titles and unifying spelling", result.Reason);
    }

    [Fact]
    public void Compare_TokenOrder_IsSameTokenSet() =>
        Assert.Equal(NameAgreement.SameTokenSet, NameComparison.Compare("Hadi Sutomo", "Soetomo Hadi").Level);

    [Fact]
    public void Compare_SpokenSpellings_SoundAlike() =>
        Assert.Equal(NameAgreement.SameSound, NameComparison.Compare("Fatimah Zahra", "Patima Jahra").Level);

    [Fact]
    public void Compare_OneTypo_IsInTheHighBand()
    {
        var result = NameComparison.Compare("Nurhayati Lestari", "Nurhayati Lestara");
        Assert.Equal(NameAgreement.JaroWinkler94, result.Level);
        Assert.True(result.Similarity >= 0.94);
        Assert.Equal("very similar spelling (Jaro-Winkler 0.998)", result.Reason);
    }

    [Fact]
    public void Compare_TwoTypos_AreInTheLowBand()
    {
        var result = NameComparison.Compare("Rahmawati", "Ramlawita");
        Assert.Equal(NameAgreement.JaroWinkler88, result.Level);
        Assert.InRange(result.Similarity, 0.88, 0.94);
    }

    [Fact]
    public void Compare_Mononym_AgainstAFullName_SharesItsToken()
    {
        var result = NameComparison.Compare("Sutomo", "Bambang Sutomo");
        Assert.Equal(NameAgreement.TokenOverlap, result.Level);
        Assert.Equal("share the name \"sutomo\"", result.Reason);
    }

    [Fact]
    public void Compare_SharingOnlyACommonName_IsDifferent() =>
        Assert.Equal(NameAgreement.Different, NameComparison.Compare("Siti Rahmawati", "Siti Kholijah").Level);

    [Fact]
    public void Compare_BlankName_IsMissing()
    {
        Assert.Equal(NameAgreement.Missing, NameComparison.Compare("", "Sutomo").Level);
        Assert.Equal(NameAgreement.Missing, NameComparison.Compare("Sutomo", null).Level);
    }
}
