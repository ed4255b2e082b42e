using Tuntas.Domain.Common;
using Tuntas.Domain.Interventions;

namespace Tuntas.Domain.Tests.Interventions;

public class ProgrammeTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("pkh")]
    [InlineData("P")]
    [InlineData("PADAT KARYA")]
    [InlineData("-PKH")]
    [InlineData("")]
    public void NewProgramme_WithAMalformedCode_IsRefused(string code)
    {
        var error = Assert.Throws<DomainException>(() => new Programme(code, "Program", "Dinas", Strategy.RaiseIncome, ProgrammeUnit.Person, null, false, Now));

        Assert.Contains("not a programme code", error.Message, StringComparison.Ordinal);
        Assert.Contains("bukan kode program", error.Indonesian, StringComparison.Ordinal);
    }

    [Fact]
    public void NewProgramme_WithANegativeTypicalValue_IsRefused() =>
        Assert.Throws<DomainException>(() => new Programme("BEASISWA-KOTA", "Beasiswa", "Dinas Pendidikan", Strategy.ReduceSpending, ProgrammeUnit.Person, -1, true, Now, isLocal: true));

    [Fact]
    public void Seed_CoversEveryStrategy_AndHasUniqueCodes()
    {
        var seed = Programme.Seed(Now);

        Assert.Equal(seed.Count, seed.Select(p => p.Code).Distinct().Count());
        Assert.Equal(Enum.GetValues<Strategy>().Order(), seed.Select(p => p.Strategy).Distinct().Order());
    }
}
