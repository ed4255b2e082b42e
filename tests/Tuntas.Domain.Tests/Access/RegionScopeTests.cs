using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;

namespace Tuntas.Domain.Tests.Access;

public class RegionScopeTests
{
    [Fact]
    public void Narrow_RequestInsideScope_IsKept()
    {
        var scope = new RegionScope(RegionCode.From("64.74"));

        Assert.Equal("64.74.01", scope.Narrow(RegionCode.From("64.74.01"))!.Value);
    }

    [Fact]
    public void Narrow_RequestAboveScope_BecomesTheScope()
    {
        var scope = new RegionScope(RegionCode.From("64.74"));

        Assert.Equal("64.74", scope.Narrow(RegionCode.From("64"))!.Value);
    }

    [Fact]
    public void Narrow_RequestElsewhere_IsNull()
    {
        var scope = new RegionScope(RegionCode.From("64.74.01.1001"));

        Assert.Null(scope.Narrow(RegionCode.From("64.74.01.1002")));
    }

    [Fact]
    public void National_ContainsEverything()
    {
        Assert.True(RegionScope.National.Contains(RegionCode.From("11.01")));
    }

    [Theory]
    [InlineData(Role.Operator, "64.74.01.1001", null)]
    [InlineData(Role.Operator, "64.74", "scoped to a village")]
    [InlineData(Role.Verifier, "64.74", null)]
    [InlineData(Role.Verifier, "64.74.01", "scoped to a regency")]
    [InlineData(Role.Facilitator, "64.08.01", null)]
    [InlineData(Role.Province, "64", null)]
    [InlineData(Role.Analyst, "64.08", null)]
    public void CheckScope_MatchesTheRoleLevel(Role role, string region, string? error)
    {
        var result = role.CheckScope(RegionCode.From(region));

        if (error is null)
        {
            Assert.Null(result);
        }
        else
        {
            Assert.Contains(error, result, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CheckScope_OperatorWithoutRegion_IsRefused()
    {
        Assert.NotNull(Role.Operator.CheckScope(null));
        Assert.Null(Role.Admin.CheckScope(null));
    }

    [Fact]
    public void Masking_AppliesToAnalystAndProvince()
    {
        Assert.False(Role.Analyst.MaySeeFullNik());
        Assert.False(Role.Province.MaySeeFullNik());
        Assert.True(Role.Verifier.MaySeeFullNik());
        Assert.False(Role.Province.MaySeeNames());
    }
}
