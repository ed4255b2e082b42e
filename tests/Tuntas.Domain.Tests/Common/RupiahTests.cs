using Tuntas.Domain.Common;

namespace Tuntas.Domain.Tests.Common;

/// <summary>Whole rupiah as people type them, whatever the language of the page.</summary>
public class RupiahTests
{
    [Theory]
    [InlineData("1250000", 1_250_000)]
    [InlineData("1.250.000", 1_250_000)]
    [InlineData("Rp1.250.000", 1_250_000)]
    [InlineData(" Rp 1.250.000,- ", 1_250_000)]
    [InlineData("rp1.250.000,00", 1_250_000)]
    [InlineData("1,250,000", 1_250_000)]
    [InlineData("Rp.322.170", 322_170)]
    [InlineData("0", 0)]
    public void TryParse_WhatPeopleType_IsWholeRupiah(string typed, long expected)
    {
        Assert.True(Rupiah.TryParse(typed, out var amount));
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Rp")]
    [InlineData("1.25")]
    [InlineData("12.50.000")]
    [InlineData("1.250.000,50")]
    [InlineData("1.250,000")]
    [InlineData("-5000")]
    [InlineData("dua ratus ribu")]
    [InlineData("1234567890123456")]
    public void TryParse_WhatIsNotWholeRupiah_IsRefused(string typed) =>
        Assert.False(Rupiah.TryParse(typed, out _));
}
