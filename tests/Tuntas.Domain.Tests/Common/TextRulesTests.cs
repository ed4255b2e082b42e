using Tuntas.Domain.Common;

namespace Tuntas.Domain.Tests.Common;

public class TextRulesTests
{
    [Theory]
    [InlineData("Jl. Pelabuhan\u0000 3", 14, 0x0000)]
    [InlineData("Petani\u001b[31m", 7, 0x001B)]
    [InlineData("SMA\u202Efdp", 4, 0x202E)]
    [InlineData("a\u2066b", 2, 0x2066)]
    [InlineData("a\u200Fb", 2, 0x200F)]
    [InlineData("a\u007Fb", 2, 0x007F)]
    [InlineData("a\u0085b", 2, 0x0085)]
    [InlineData("a\tb", 2, 0x0009)]
    public void Find_NamesTheFirstForbiddenCharacter(string text, int position, int codePoint) =>
        Assert.Equal((position, codePoint), TextRules.Find(text));

    [Theory]
    [InlineData("Jl. Mawar No. 5, RT 02")]
    [InlineData("Nguyễn Thị Minh")]
    [InlineData("كريم")]
    [InlineData("Ibu 👩‍🌾 petani")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_LetsOrdinaryTextOfAnyScriptThrough(string? text) => Assert.Null(TextRules.Find(text));

    [Fact]
    public void MultiLineNotes_MayHoldTabsAndLineBreaks_ButNotOtherControls()
    {
        Assert.Null(TextRules.Find("baris satu\r\nbaris\tdua", multiLine: true));
        Assert.Equal((2, 0x1B), TextRules.Find("a\u001bb", multiLine: true));
        Assert.Equal("holds an invisible control or text-direction character (U+202E) at position 2", TextRules.Problem("a\u202Eb"));
    }
}
