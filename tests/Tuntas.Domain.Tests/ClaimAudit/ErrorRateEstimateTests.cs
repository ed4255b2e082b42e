using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Common;

namespace Tuntas.Domain.Tests.ClaimAudit;

/// <summary>
/// Expected bounds were computed separately by summing hypergeometric probabilities with exact
/// binomial coefficients: the smallest K with P(X ≥ k) &gt; 0.025 and the largest with P(X ≤ k) &gt; 0.025.
/// </summary>
public class ErrorRateEstimateTests
{
    [Fact]
    public void ThreeWrongInThirtyOf175_IsTenPercent_Between5And43()
    {
        var e = ErrorRateEstimate.Compute(175, 30, 3);

        Assert.Equal(0.1, e.ErrorRate, 10);
        Assert.Equal(5, e.LowErrors);
        Assert.Equal(43, e.HighErrors);
        Assert.Equal(17.5, e.MidErrors, 10);
        Assert.Equal(5 / 175.0, e.Low, 10);
        Assert.Equal(43 / 175.0, e.High, 10);
        Assert.InRange(e.Low, 0.02, 0.27);
        Assert.InRange(e.High, 0.02, 0.27);
    }

    [Fact]
    public void ACensusWithNoErrors_HasNoSamplingError()
    {
        var e = ErrorRateEstimate.Compute(40, 40, 0);

        Assert.Equal((0.0, 0.0, 0, 0), (e.Low, e.High, e.LowErrors, e.HighErrors));
        Assert.Equal(0, e.MidErrors);
    }

    [Theory]
    [InlineData(175, 30, 0, 0, 18)]
    [InlineData(1000, 100, 10, 52, 172)]
    [InlineData(50, 49, 2, 2, 3)]
    [InlineData(175, 30, 30, 157, 175)]
    public void Bounds_MatchTheExactHypergeometricInterval(int population, int sample, int errors, int low, int high)
    {
        var e = ErrorRateEstimate.Compute(population, sample, errors);

        Assert.Equal(low, e.LowErrors);
        Assert.Equal(high, e.HighErrors);
    }

    [Fact]
    public void TheIntervalNarrows_AsTheSampleGrows()
    {
        var small = ErrorRateEstimate.Compute(1000, 50, 5);
        var large = ErrorRateEstimate.Compute(1000, 500, 50);

        Assert.True(large.High - large.Low < small.High - small.Low);
        Assert.InRange(0.1, large.Low, large.High);
    }

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(10, 11, 0)]
    [InlineData(10, 0, 0)]
    [InlineData(10, 5, 6)]
    [InlineData(10, 5, -1)]
    public void ImpossibleCounts_AreRefusedInPlainWords(int population, int sample, int errors)
    {
        var error = Assert.Throws<DomainException>(() => ErrorRateEstimate.Compute(population, sample, errors));
        Assert.False(string.IsNullOrWhiteSpace(error.Indonesian));
    }

    [Theory]
    [InlineData(175, 0.1, 0.5, 63)]
    [InlineData(175, 0.05, 0.1, 78)]
    [InlineData(1_000_000, 0.05, 0.5, 384)]
    [InlineData(10, 0.01, 0.5, 10)]
    public void SampleSize_ForAMargin_UsesTheFinitePopulationCorrection(int population, double margin, double expected, int size)
    {
        Assert.Equal(size, SampleSize.ForMargin(population, margin, expected));
    }
}
