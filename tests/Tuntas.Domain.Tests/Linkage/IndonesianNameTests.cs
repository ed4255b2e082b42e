using Tuntas.Domain.Linkage;

namespace Tuntas.Domain.Tests.Linkage;

public class IndonesianNameTests
{
    [Theory]
    [InlineData("Hj. Siti Aminah, S.Pd.", "siti aminah", "hj spd")]
    [InlineData("H. Ahmad Yani, S.E., M.M.", "ahmad yani", "h se mm")]
    [InlineData("Drs. H. Abdul Rahman, M.Si", "abdul rahman", "drs h msi")]
    [InlineData("Dra Sri Wahyuni SPd", "sri wahyuni", "dra spd")]
    [InlineData("Ir. Budi Santoso S. Pd.", "budi santoso", "ir spd")]
    [InlineData("HAJJAH NURUL HIDAYAH, S.Pd.I", "nurul hidayah", "hajjah spdi")]
    [InlineData("Prof. Dr. Andi Hamzah, A.Md.", "hamzah", "prof dr amd")]
    [InlineData("Rina Kartika, Amk.", "rina kartika", "amk")]
    [InlineData("Ibu Siti Aminah", "siti aminah", "ibu")]
    [InlineData("Ny. Sri Wahyuni", "sri wahyuni", "ny")]
    public void Normalise_TitlesAndDegrees_AreRemovedAndKeptAside(string raw, string tokens, string titles)
    {
        var name = IndonesianName.Normalise(raw);
        Assert.Equal(tokens, name.Text);
        Assert.Equal(titles, string.Join(' ', name.Titles));
    }

    [Fact]
    public void Normalise_ShortDegreeWithoutDotsOrComma_IsKeptAsAName()
    {
        // "Se" alone could be a name fragment; only "S.E." or ", SE" is a degree.
        Assert.Equal("budi se", IndonesianName.Normalise("Budi Se").Text);
        Assert.Equal("budi", IndonesianName.Normalise("Budi, SE").Text);
    }

    [Theory]
    [InlineData("Soetomo", "sutomo")]
    [InlineData("Djoko Susilo", "joko susilo")]
    [InlineData("Tjahja Kusuma", "cahya kusuma")]
    [InlineData("Soejono", "suyono")]
    [InlineData("Djaja", "jaya")]
    [InlineData("Sjarifah", "syarifah")]
    [InlineData("Njoman", "nyoman")]
    [InlineData("Chairul", "khairul")]
    public void Normalise_OldSpelling_BecomesModern(string raw, string text) => Assert.Equal(text, IndonesianName.Normalise(raw).Text);

    [Theory]
    [InlineData("Joko", "joko")]
    [InlineData("Jusuf", "jusuf")]
    [InlineData("Panji Anjani", "panji anjani")]
    public void Normalise_ModernJAndNj_AreLeftAloneWithoutOtherOldSpelling(string raw, string text) =>
        Assert.Equal(text, IndonesianName.Normalise(raw).Text);

    [Theory]
    [InlineData("M. Yusuf")]
    [InlineData("M.Yusuf")]
    [InlineData("Muh. Yusuf")]
    [InlineData("Moh Yusuf")]
    [InlineData("Mhd. Yusuf")]
    [InlineData("Md. Yusuf")]
    [InlineData("Mohammad Yusuf")]
    [InlineData("Mochamad Yusuf")]
    [InlineData("Muhamad Yusuf")]
    [InlineData("MUHAMMAT YUSUF")]
    public void Normalise_MuhammadVariants_BecomeOneToken(string raw) => Assert.Equal("muhammad yusuf", IndonesianName.Normalise(raw).Text);

    [Fact]
    public void Normalise_FinalInitialM_IsNotMuhammad() => Assert.Equal("yusuf m", IndonesianName.Normalise("Yusuf M.").Text);

    [Fact]
    public void Normalise_HM_IsHajiMuhammad()
    {
        var name = IndonesianName.Normalise("H.M. Soeharto");
        Assert.Equal("muhammad suharto", name.Text);
        Assert.Equal(["h"], name.Titles);
    }

    [Theory]
    [InlineData("Ahmad bin Abdullah", "ahmad", "abdullah")]
    [InlineData("Siti Aminah binti H. Djamal", "siti aminah", "jamal")]
    [InlineData("Nurhayati Bt Salim", "nurhayati", "salim")]
    public void Normalise_BinBinti_SplitsOffTheFathersName(string raw, string tokens, string father)
    {
        var name = IndonesianName.Normalise(raw);
        Assert.Equal(tokens, name.Text);
        Assert.Equal(father, string.Join(' ', name.FatherTokens));
    }

    [Fact]
    public void Normalise_Mononym_IsOneToken_AndARepeatedMononymCollapses()
    {
        var single = IndonesianName.Normalise("Sutomo");
        Assert.True(single.IsMononym);
        Assert.Equal("sutomo", IndonesianName.Normalise("SUTOMO SUTOMO").Text);
        Assert.True(IndonesianName.Normalise("Soetomo bin Kasan").IsMononym);
    }

    [Fact]
    public void Normalise_TokenOrder_IsIgnoredInTheSortedKey()
    {
        Assert.Equal(IndonesianName.Normalise("Hadi Sutomo").SortedKey, IndonesianName.Normalise("Soetomo Hadi").SortedKey);
        Assert.Equal("hadi sutomo", IndonesianName.Normalise("Soetomo Hadi").SortedKey);
    }

    [Theory]
    [InlineData("Gusti Muhammad Ramli", "gusti", "muhammad ramli")]
    [InlineData("Andi Baso Amir", "andi", "baso amir")]
    [InlineData("Daeng Matasa", "daeng", "matasa")]
    [InlineData("R. Ngabehi Suryo", "r", "ngabehi suryo")]
    [InlineData("I Gusti Ngurah Rai", "i gusti", "ngurah rai")]
    [InlineData("Ni Kadek Sari", "ni kadek", "sari")]
    [InlineData("Anak Agung Gede Oka", "anak agung gede", "oka")]
    [InlineData("La Ode Hasan", "la ode", "hasan")]
    [InlineData("R.A. Kartini", "ra", "kartini")]
    public void Normalise_HonorificPrefixes_AreKeptAsideAsWeakEvidence(string raw, string honorifics, string tokens)
    {
        var name = IndonesianName.Normalise(raw);
        Assert.Equal(honorifics, string.Join(' ', name.Honorifics));
        Assert.Equal(tokens, name.Text);
    }

    [Fact]
    public void Normalise_HonorificAlone_StaysTheName()
    {
        // "Andi" is also a plain given name; a one-word name is never emptied.
        Assert.Equal("andi", IndonesianName.Normalise("Andi").Text);
        Assert.Empty(IndonesianName.Normalise("Andi").Honorifics);
    }

    [Fact]
    public void Normalise_AccentsApostrophesAndHyphens()
    {
        Assert.Equal("maruf amin", IndonesianName.Normalise("Ma'ruf Amin").Text);
        Assert.Equal("rene", IndonesianName.Normalise("René").Text);
        Assert.Equal("siti nur aini", IndonesianName.Normalise("Siti Nur-Aini").Text);
        Assert.True(IndonesianName.Normalise("  ").IsEmpty);
        Assert.True(IndonesianName.Normalise(null).IsEmpty);
    }

    [Theory]
    [InlineData("fatimah", "fatima")]
    [InlineData("zulkifli", "julkifli")]
    [InlineData("syarifah", "sarifah")]
    [InlineData("khairul", "hairul")]
    [InlineData("ramadhan", "ramadan")]
    [InlineData("rizky", "rezki")]
    [InlineData("sutomo", "sutumo")]
    [InlineData("arif", "arip")]
    public void SoundKey_SpokenVariants_ShareAKey(string a, string b) => Assert.Equal(IndonesianName.SoundKey(a), IndonesianName.SoundKey(b));

    [Fact]
    public void SoundKey_KeepsDifferentNamesApart()
    {
        Assert.Equal("patima", IndonesianName.SoundKey("fatimah"));
        Assert.NotEqual(IndonesianName.SoundKey("hasan"), IndonesianName.SoundKey("husin"));
    }
}
