namespace Tuntas.Cli.Tests.Commands;

/// <summary><c>tuntas claim-audit estimate|size</c>: pure arithmetic, no database.</summary>
public class ClaimAuditCommandTests
{
    [Fact]
    public async Task Estimate_ThreeWrongOfThirtyOutOf175_GivesTheRateTheIntervalAndTheImpliedCount()
    {
        var run = await CliRun.RunAsync("claim-audit", "estimate", "--population", "175", "--sample", "30", "--errors", "3", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = run.Json();
        Assert.Equal(0.1, json.GetProperty("errorRate").GetDouble(), 10);
        Assert.InRange(json.GetProperty("low").GetDouble(), 0.02, 0.27);
        Assert.InRange(json.GetProperty("high").GetDouble(), 0.02, 0.27);
        Assert.Equal("exact hypergeometric", json.GetProperty("method").GetString());
        var errors = json.GetProperty("estimatedErrors");
        Assert.Equal((5, 17.5, 43), (errors.GetProperty("low").GetInt32(), errors.GetProperty("mid").GetDouble(), errors.GetProperty("high").GetInt32()));
    }

    [Fact]
    public async Task Estimate_ACensusWithNoErrors_IsZeroToZero()
    {
        var json = (await CliRun.RunAsync("claim-audit", "estimate", "--population", "40", "--sample", "40", "--errors", "0", "--json")).Json();

        Assert.Equal((0.0, 0.0), (json.GetProperty("low").GetDouble(), json.GetProperty("high").GetDouble()));
        Assert.Equal((0, 0), (json.GetProperty("estimatedErrors").GetProperty("low").GetInt32(), json.GetProperty("estimatedErrors").GetProperty("high").GetInt32()));
    }

    [Theory]
    [InlineData("--population", "10", "--sample", "11", "--errors", "0")]
    [InlineData("--population", "10", "--sample", "5", "--errors", "6")]
    [InlineData("--population", "0", "--sample", "1", "--errors", "0")]
    public async Task Estimate_ImpossibleCounts_AreAUsageErrorThatSaysWhy(params string[] args)
    {
        var run = await CliRun.RunAsync(["claim-audit", "estimate", .. args, "--json"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("must be between", run.Json().GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Size_GivesTheSampleForAMarginAt95Percent()
    {
        var run = await CliRun.RunAsync("claim-audit", "size", "--population", "175", "--margin", "0.1", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(63, run.Json().GetProperty("sample").GetInt32());
        Assert.Equal(2, (await CliRun.RunAsync("claim-audit", "size", "--population", "175", "--margin", "2")).ExitCode);
    }
}
