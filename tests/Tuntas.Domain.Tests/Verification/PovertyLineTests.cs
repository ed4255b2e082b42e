using Tuntas.Domain.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Verification;

namespace Tuntas.Domain.Tests.Verification;

public class PovertyLineTests
{
    private static readonly DateTime Now = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    private static readonly IReadOnlyList<PovertyLine> Lines = PovertyLine.Shipped(Now, "test");

    [Theory]
    [InlineData(2022, 2022, 375_164)]
    [InlineData(2024, 2024, 391_000)]
    [InlineData(2026, 2024, 391_000)]
    public void Select_TakesTheYearsValue_OrTheLatestEarlierOne(int year, int expectedYear, long expected)
    {
        var line = PovertyLine.Select(Lines, "BPS-215-PPP2017", year)!;

        Assert.Equal((expectedYear, expected), (line.Year, line.LinePerCapita));
    }

    [Fact]
    public void Select_BeforeTheFirstValue_IsNone()
    {
        Assert.Null(PovertyLine.Select(Lines, PovertyLine.DefaultCode, 2021));
        Assert.Equal(322_170, PovertyLine.Select(Lines, PovertyLine.LegacyCode, 2021)!.LinePerCapita);
    }

    [Fact]
    public void Shipped_TheOfficialLineIsUsd215Ppp2017_AndEveryComputedFigureNamesItsInputs()
    {
        Assert.All(Lines, l => Assert.Equal(l.Code == PovertyLine.DefaultCode, l.Official));
        Assert.All(Lines.Where(l => l.Source.StartsWith("Dihitung", StringComparison.Ordinal)), l => Assert.Contains("inflasi", l.Computation, StringComparison.Ordinal));
        Assert.Equal(3, Lines.Select(l => l.Code).Distinct().Count());
    }

    [Fact]
    public void ShippedCriteria_Use2021sLegacyLine_ThenTheOfficialLineYearByYear()
    {
        var criteria = PovertyCriteria.Shipped(Lines, Now, "test");
        var village = RegionCode.From("64.74.01.1001");

        Assert.Equal(("wb-190-ppp2011", 322_170L), Pick(new DateOnly(2021, 12, 31)));
        Assert.Equal(("bps-215-ppp2017", 375_164L), Pick(new DateOnly(2022, 9, 30)));
        Assert.Equal(("bps-215-ppp2017", 391_000L), Pick(new DateOnly(2025, 4, 9)));

        (string?, long) Pick(DateOnly at)
        {
            var c = PovertyCriteria.Select(criteria, village, at)!;
            return (c.LineCode, c.LinePerCapita);
        }
    }

    [Fact]
    public void ForRegion_PrefersTheRegionsOwnCriteria_AndIgnoresThoseOfAPartOfIt()
    {
        var national = PovertyCriteria.FromLine(PovertyLine.Select(Lines, PovertyLine.DefaultCode, 2024)!, 2024, null, Now, "test");
        var bontang = PovertyCriteria.FromLine(PovertyLine.Select(Lines, PovertyLine.WorldBank2021Code, 2024)!, 2024, RegionCode.From("64.74"), Now, "test");
        var village = PovertyCriteria.FromLine(PovertyLine.Select(Lines, PovertyLine.LegacyCode, 2024)!, 2024, RegionCode.From("64.74.01.1001"), Now, "test");
        var all = new[] { national, bontang, village };

        Assert.Same(bontang, PovertyCriteria.ForRegion(all, RegionCode.From("64.74"), new DateOnly(2025, 1, 1)));
        Assert.Same(bontang, PovertyCriteria.ForRegion(all, RegionCode.From("64.74.01"), new DateOnly(2025, 1, 1)));
        Assert.Same(national, PovertyCriteria.ForRegion(all, RegionCode.From("64"), new DateOnly(2025, 1, 1)));
        Assert.Null(PovertyCriteria.ForRegion(all, RegionCode.From("64"), new DateOnly(2023, 1, 1)));
    }

    [Fact]
    public void ProgrammeCatalogue_CarriesKepmensos79Eligibility()
    {
        var catalogue = Programme.Seed(Now).ToDictionary(p => p.Code);

        Assert.Equal((4, 5, 5), (catalogue["PKH"].EligibleDesilMax, catalogue["SEMBAKO"].EligibleDesilMax, catalogue["PBI-JK"].EligibleDesilMax));
        Assert.Null(catalogue["RTLH"].EligibleDesilMax);
        Assert.Equal("Kepmensos 79/HUK/2025", catalogue["PKH"].EligibilitySource);
        Assert.Throws<Tuntas.Domain.Common.DomainException>(() => catalogue["PKH"].SetEligibility(11, null, Now));
    }
}
