using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;

namespace Tuntas.Domain.Tests.ClaimAudit;

public class SampleDrawTests
{
    private static readonly RegionCode North = RegionCode.From("64.74.01");
    private static readonly RegionCode South = RegionCode.From("64.74.02");

    private static List<SampleCandidate> Population(int north, int south) =>
        [
            .. Enumerable.Range(0, north).Select(i => new SampleCandidate($"647401010120{i:D4}", North)),
            .. Enumerable.Range(0, south).Select(i => new SampleCandidate($"647402010120{i:D4}", South)),
        ];

    [Fact]
    public void ANewSeed_Is128RandomBits_AndNeverTheSameTwice()
    {
        var seeds = Enumerable.Range(0, 50).Select(_ => SampleDraw.NewSeed()).ToList();

        Assert.All(seeds, s => Assert.Matches("^[0-9a-f]{32}$", s));
        Assert.Equal(50, seeds.Distinct().Count());
    }

    [Fact]
    public void TheSameSeed_DrawsTheSameHouseholds_AnotherSeedOthers()
    {
        var population = Population(100, 75);

        var first = SampleDraw.Draw(population, 30, "bontang-2025", false);
        var again = SampleDraw.Draw(population.AsEnumerable().Reverse().ToList(), 30, "bontang-2025", false);
        var other = SampleDraw.Draw(population, 30, "another-seed", false);

        Assert.Equal(30, first.Sample.Count);
        Assert.Equal(30, first.Sample.Distinct().Count());
        Assert.Equal(first.Sample, again.Sample);
        Assert.Equal(first.PopulationHash, again.PopulationHash);
        Assert.NotEqual(first.Sample.Select(s => s.NoKk).Order(), other.Sample.Select(s => s.NoKk).Order());
    }

    [Fact]
    public void TheSample_IsTheSmallestKeys_SoAnyoneCanRedoItByHand()
    {
        var population = Population(20, 0);
        var keys = population.ToDictionary(
            c => c.NoKk,
            c => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("s1|" + c.NoKk))));

        var drawn = SampleDraw.Draw(population, 5, "s1", false);

        Assert.Equal(keys.OrderBy(k => k.Value, StringComparer.Ordinal).Take(5).Select(k => k.Key), drawn.Sample.Select(s => s.NoKk));
    }

    [Fact]
    public void AChangedPopulation_HasAnotherHash()
    {
        var population = Population(10, 10);
        var fewer = population.Skip(1).ToList();

        Assert.NotEqual(SampleDraw.Draw(population, 5, "x", false).PopulationHash, SampleDraw.Draw(fewer, 5, "x", false).PopulationHash);
    }

    [Fact]
    public void Stratified_SharesTheSampleInProportionToEachKecamatan()
    {
        var drawn = SampleDraw.Draw(Population(100, 75), 30, "seed", true);

        Assert.Equal(17, drawn.Sample.Count(s => s.District == North));
        Assert.Equal(13, drawn.Sample.Count(s => s.District == South));
        Assert.Equal([1, 1, 1], SampleDraw.Allocate([5, 5, 5], 3));
        Assert.Equal([2, 1], SampleDraw.Allocate([2, 1], 3));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void ASizeOutsideThePopulation_IsRefused(int size)
    {
        Assert.Throws<DomainException>(() => SampleDraw.Draw(Population(10, 10), size, "x", false));
    }

    [Fact]
    public void AnEmptyPopulation_SaysThereIsNothingToDraw()
    {
        var error = Assert.Throws<DomainException>(() => SampleDraw.Draw([], 1, "x", false));
        Assert.Contains("nothing to draw", error.Message, StringComparison.Ordinal);
    }
}
