namespace Tuntas.Cli.Tests.Commands;

public class NikCommandTests
{
    [Fact]
    public async Task Nik_Woman_PrintsTheContractShape()
    {
        var run = await CliRun.RunAsync("nik", "6474015708900004", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = run.Json();
        Assert.Equal("6474015708900004", json.GetProperty("nik").GetString());
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal("64.74.01", json.GetProperty("regionCode").GetString());
        Assert.Equal("1990-08-17", json.GetProperty("birthDate").GetString());
        Assert.Equal("P", json.GetProperty("sex").GetString());
        Assert.Equal("0004", json.GetProperty("serial").GetString());
        Assert.Equal(0, json.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task Nik_UnknownRegionPrefix_IsValidWithAWarning()
    {
        var run = await CliRun.RunAsync("nik", "9901011708850002", "--json");

        var json = run.Json();
        Assert.Equal(0, run.ExitCode);
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal(1, json.GetProperty("warnings").GetArrayLength());
    }

    [Theory]
    [InlineData("6474013002000001")] // 30 February
    [InlineData("647401170885000")] // 15 digits
    [InlineData("64740117088500021")] // 17 digits
    public async Task Nik_Invalid_PrintsValidFalseAndExits1(string nik)
    {
        var run = await CliRun.RunAsync("nik", nik, "--json");

        Assert.Equal(1, run.ExitCode);
        var json = run.Json();
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("birthDate").ValueKind);
    }

    [Fact]
    public async Task Nik_Missing_IsAUsageError()
    {
        var run = await CliRun.RunAsync("nik");

        Assert.Equal(2, run.ExitCode);
    }
}
