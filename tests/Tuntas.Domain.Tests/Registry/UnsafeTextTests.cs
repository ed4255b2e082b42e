using Tuntas.Domain.Registry;

namespace Tuntas.Domain.Tests.Registry;

public class UnsafeTextTests
{
    [Theory]
    [InlineData("Budi\u202Eotnas", 5, 0x202E)]
    [InlineData("\u0000", 1, 0x0000)]
    [InlineData("Siti\tAminah", 5, 0x0009)]
    [InlineData("Ani\u2067", 4, 0x2067)]
    [InlineData("\uFEFFAni", 1, 0xFEFF)]
    [InlineData("Ani\u200F", 4, 0x200F)]
    public void Find_NamesTheFirstForbiddenCharacter(string text, int position, int codePoint) =>
        Assert.Equal((position, codePoint), UnsafeText.Find(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Ṣiti Nur Gülsüm")]
    [InlineData("A\u0301gus")]
    [InlineData("Nur\u200Daini")]
    [InlineData("Ani 😀👨‍👩‍👧")]
    [InlineData("I Gusti Ngurah Rai, S.Pd.")]
    [InlineData("محمد")]
    public void Find_PassesLettersDiacriticsJoinersAndEmoji(string? text) => Assert.Null(UnsafeText.Find(text));

    [Fact]
    public void Find_NamesALoneSurrogate()
    {
        // Built at run time: a lone surrogate does not survive as test-case data.
        var broken = "Ani" + (char)0xD800 + "x";

        Assert.Equal((4, 0xD800), UnsafeText.Find(broken));
    }

    [Fact]
    public void Name_IsTheUnicodeNotation() => Assert.Equal("U+202E", UnsafeText.Name(0x202E));
}
